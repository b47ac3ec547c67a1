namespace Stipple.Core.Scheduling;

/// <summary>
/// A step's size in grid slots, rounded up: <see cref="BlockSlots"/> cover the session and its cleanup buffer (the
/// practitioner and room are busy), <see cref="ClientSlots"/> the session alone (the client is busy). Steps of the same
/// shape share their start bitmaps.
/// </summary>
internal readonly record struct StepShape(int BlockSlots, int ClientSlots);

namespace Stipple.Core.Scheduling;

/// <summary>
/// Where one step may fall in a search, in timeline day indices: its own days <see cref="FirstDay"/> to
/// <see cref="LastDay"/> (inclusive; step 0's from the request, later ones widened by every window before them and cut by
/// the step's absolute bounds), and the window <see cref="MinDays"/>..<see cref="MaxDays"/> after the previous step's day.
/// </summary>
internal readonly record struct StepRange(int Shape, StepShape Size, int FirstDay, int LastDay, int MinDays, int MaxDays);

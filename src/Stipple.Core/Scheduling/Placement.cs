namespace Stipple.Core.Scheduling;

/// <summary>
/// One step placed during a search: timeline day and slot, practitioner and room (indices into the calendar's lists),
/// and the step's preference penalty (weekday plus time of day; see <see cref="AvailabilityEngine"/>).
/// </summary>
internal readonly record struct Placement(int Day, int Slot, int Practitioner, int Room, int Penalty);

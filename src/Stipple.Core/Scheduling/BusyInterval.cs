using NodaTime;

namespace Stipple.Core.Scheduling;

/// <summary>
/// Time a practitioner or room cannot be booked, [<see cref="Start"/>, <see cref="End"/>): an existing appointment
/// including its cleanup buffer, or a practitioner's time off. <see cref="ResourceId"/> is a practitioner's or a room's id.
/// </summary>
public readonly record struct BusyInterval(Guid ResourceId, Instant Start, Instant End);

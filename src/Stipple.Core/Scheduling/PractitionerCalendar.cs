namespace Stipple.Core.Scheduling;

/// <summary>
/// A practitioner who takes bookings and their weekly working hours. Empty <see cref="Hours"/> means "whenever the
/// studio is open"; otherwise they work only inside both their hours and the studio's.
/// </summary>
public sealed record PractitionerCalendar(Guid Id, IReadOnlyList<OpeningInterval> Hours);

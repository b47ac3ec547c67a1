using NodaTime;

namespace Stipple.Core.Scheduling;

/// <summary>
/// Everything the availability engine needs about a studio, loaded once: its zone, weekly opening hours, closures,
/// the practitioners who take bookings, the rooms (chairs), and what is already busy. Order of
/// <see cref="Practitioners"/> and <see cref="RoomIds"/> breaks ties (earlier first).
/// </summary>
public sealed record StudioCalendar(
    DateTimeZone Zone,
    IReadOnlyList<OpeningInterval> OpeningHours,
    IReadOnlyList<Closure> Closures,
    IReadOnlyList<PractitionerCalendar> Practitioners,
    IReadOnlyList<Guid> RoomIds,
    IReadOnlyList<BusyInterval> Busy);

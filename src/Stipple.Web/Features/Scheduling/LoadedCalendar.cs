using NodaTime;
using Stipple.Core.Scheduling;

namespace Stipple.Web.Features.Scheduling;

/// <summary>
/// A studio's calendar as loaded for one span of days: what the engine needs (<see cref="Calendar"/>), the studio's
/// rules, and the names to show. <see cref="From"/>..<see cref="To"/> are the local days it covers.
/// </summary>
public sealed record LoadedCalendar(
    Stipple.Core.Scheduling.StudioCalendar Calendar,
    SchedulingSettings Settings,
    LocalDate From,
    LocalDate To,
    IReadOnlyDictionary<Guid, string> PractitionerNames,
    IReadOnlyDictionary<Guid, string> RoomNames,
    IReadOnlyList<BusyInterval> ClientBusy)
{
    public DateTimeZone Zone => Calendar.Zone;
}

using NodaTime;
using Stipple.Core.Scheduling;

namespace Stipple.Core.Tests.Scheduling;

/// <summary>
/// A small studio to vary: open Tuesday to Saturday 09:00–18:00; Ava works whenever it is open, Ben Wednesday to
/// Saturday 10:00–16:00; two rooms. Times are built from local wall time in the studio's zone.
/// </summary>
internal static class Studios
{
    public static readonly Guid Ava = new("a0000000-0000-0000-0000-000000000001");
    public static readonly Guid Ben = new("b0000000-0000-0000-0000-000000000002");
    public static readonly Guid Room1 = new("c0000000-0000-0000-0000-000000000001");
    public static readonly Guid Room2 = new("c0000000-0000-0000-0000-000000000002");

    public static readonly IsoDayOfWeek[] TuesdayToSaturday =
        [IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday];

    public static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    public static OpeningInterval[] Hours(IEnumerable<IsoDayOfWeek> days, int opens, int closes) =>
        [.. days.Select(d => new OpeningInterval(d, new LocalTime(opens, 0), new LocalTime(closes, 0)))];

    public static StudioCalendar Calendar(DateTimeZone zone, IReadOnlyList<BusyInterval>? busy = null, IReadOnlyList<Closure>? closures = null) => new(
        zone,
        Hours(TuesdayToSaturday, 9, 18),
        closures ?? [],
        [new PractitionerCalendar(Ava, []), new PractitionerCalendar(Ben, Hours(TuesdayToSaturday.Skip(1), 10, 16))],
        [Room1, Room2],
        busy ?? []);

    /// <summary>The instant of a local wall time that exists exactly once.</summary>
    public static Instant At(DateTimeZone zone, LocalDate date, int hour, int minute = 0) =>
        (date + new LocalTime(hour, minute)).InZoneStrictly(zone).ToInstant();

    /// <summary><paramref name="resource"/> busy from local <paramref name="fromHour"/> to <paramref name="toHour"/> on <paramref name="date"/>.</summary>
    public static BusyInterval Busy(Guid resource, DateTimeZone zone, LocalDate date, int fromHour, int toHour) =>
        new(resource, At(zone, date, fromHour), At(zone, date, toHour));

    /// <summary><paramref name="resource"/> off for the whole local day.</summary>
    public static BusyInterval DayOff(Guid resource, DateTimeZone zone, LocalDate date) =>
        new(resource, zone.AtStartOfDay(date).ToInstant(), zone.AtStartOfDay(date.PlusDays(1)).ToInstant());

    /// <summary>
    /// Three sessions and a healed review with the default lengths and windows (smp-facts §13.4), step 0 from
    /// <paramref name="firstDay"/> to <paramref name="lastDay"/> (default two weeks), 30-minute starts.
    /// </summary>
    public static ScheduleRequest Plan(LocalDate firstDay, SchedulePreferences? preferences = null, LocalDate? lastDay = null, int maxResults = 5) => new(
        SchedulingSettings.Default.PlanSteps(3, healedReview: true),
        firstDay,
        lastDay ?? firstDay.PlusDays(14),
        Instant.FromUtc(2000, 1, 1, 0, 0),
        preferences ?? SchedulePreferences.None,
        Duration.FromMinutes(30),
        maxResults);

    /// <summary>One appointment of <paramref name="minutes"/> (no buffer) on days <paramref name="firstDay"/>..<paramref name="lastDay"/>.</summary>
    public static ScheduleRequest Single(LocalDate firstDay, LocalDate lastDay, int minutes, int bufferMinutes = 0, SchedulePreferences? preferences = null, int startMinutes = 15) => new(
        [new PlanStep(ServiceKind.TouchUp, Duration.FromMinutes(minutes), Duration.FromMinutes(bufferMinutes))],
        firstDay,
        lastDay,
        Instant.FromUtc(2000, 1, 1, 0, 0),
        preferences ?? SchedulePreferences.None,
        Duration.FromMinutes(startMinutes));

    /// <summary>Preferred start times of day only.</summary>
    public static SchedulePreferences Between(int earliestHour, int earliestMinute, int latestHour, int latestMinute) =>
        SchedulePreferences.None with { EarliestStart = new LocalTime(earliestHour, earliestMinute), LatestStart = new LocalTime(latestHour, latestMinute) };
}

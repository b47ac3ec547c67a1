using NodaTime;
using NodaTime.TimeZones;

namespace Stipple.Web.Features.StudioCalendar;

/// <summary>
/// Turns a local date and time typed in the studio's zone into an instant. Across daylight-saving changes:
/// <list type="bullet">
/// <item>a local time that does not exist (in the gap when the clocks go forward, e.g. 01:30 on 29 March 2026 in
/// Europe/London) maps forward to the first instant after the gap, the moment the clocks jump to (02:00 BST = 01:00 UTC);</item>
/// <item>a local time that happens twice (when the clocks go back, e.g. 01:30 on 25 October 2026 in Europe/London)
/// maps to the earlier of the two (01:30 BST = 00:30 UTC).</item>
/// </list>
/// Either way the person is told what was stored (<see cref="Note"/>).
/// </summary>
public static class StudioLocalTime
{
    /// <summary>NodaTime's resolvers for the rules above: ambiguous → earlier; skipped → start of the interval after the gap.</summary>
    public static ZoneLocalMappingResolver Resolver { get; } =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    public static Instant ToInstant(LocalDateTime local, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.ResolveLocal(local, Resolver).ToInstant();
    }

    /// <summary>What happened to <paramref name="local"/> when it was not a plain, unique local time; null when it was.</summary>
    public static string? Note(LocalDateTime local, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var mapping = zone.MapLocal(local);
        var typed = CalendarText.FormatDateTime(local).Replace('T', ' ');
        return mapping.Count switch
        {
            0 => $"{typed} does not exist in {zone.Id} (the clocks go forward then); saved as {CalendarText.FormatDateTime(ToInstant(local, zone).InZone(zone).LocalDateTime).Replace('T', ' ')}, when the clocks jump.",
            2 => $"{typed} happens twice in {zone.Id} (the clocks go back then); saved as the first of the two.",
            _ => null,
        };
    }
}

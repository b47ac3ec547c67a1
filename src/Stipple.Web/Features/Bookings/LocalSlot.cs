using NodaTime;
using Stipple.Web.Features.StudioCalendar;

namespace Stipple.Web.Features.Bookings;

/// <summary>
/// A start typed as a local date and time in the studio's zone, turned into an instant. A time the clocks skip (the
/// spring-forward hour) does not exist, so it is an error rather than silently moved; in the repeated autumn hour the
/// earlier of the two is meant (the first time the clock shows it).
/// </summary>
public static class LocalSlot
{
    /// <returns>The instant, or null with <paramref name="dateError"/> or <paramref name="timeError"/> saying what is wrong.</returns>
    public static Instant? ToInstant(DateTimeZone zone, string? date, string? time, out string? dateError, out string? timeError)
    {
        ArgumentNullException.ThrowIfNull(zone);
        dateError = timeError = null;
        var d = CalendarText.ParseDate(date);
        var t = CalendarText.ParseClockTime(time);
        if (d is null)
        {
            dateError = "must be a date such as 2026-12-01.";
        }

        if (t is null)
        {
            timeError = "must be a time such as 10:00.";
        }

        if (d is not { } day || t is not { } clock)
        {
            return null;
        }

        var mapping = zone.MapLocal(day + clock);
        if (mapping.Count == 0)
        {
            timeError = "does not exist on that day: the clocks go forward then. Choose a time after the change.";
            return null;
        }

        return mapping.First().ToInstant();
    }
}

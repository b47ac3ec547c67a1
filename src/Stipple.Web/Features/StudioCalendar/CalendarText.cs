using NodaTime;
using NodaTime.Text;

namespace Stipple.Web.Features.StudioCalendar;

/// <summary>
/// How the calendar settings read and write times and dates as text: 24-hour "HH:mm" times (what an
/// <c>input type="time"</c> sends), ISO dates (<c>type="date"</c>) and ISO local date-times (<c>type="datetime-local"</c>),
/// always with the invariant culture.
/// </summary>
public static class CalendarText
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalTimePattern TimeWithSeconds = LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss");
    private static readonly LocalTimePattern ShortTime = LocalTimePattern.CreateWithInvariantCulture("H:mm");
    private static readonly LocalDateTimePattern DateTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");
    private static readonly LocalDateTimePattern DateTimeWithSeconds = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss");
    private static readonly LocalDateTimePattern DateSpaceTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");

    /// <summary>Closures and time off lie in these years (a typo such as 0202 or 20266 is refused, not stored).</summary>
    public const int MinYear = 2000;

    /// <summary>See <see cref="MinYear"/>.</summary>
    public const int MaxYear = 2100;

    /// <summary>Whether <paramref name="date"/> lies between <see cref="MinYear"/> and <see cref="MaxYear"/>.</summary>
    public static bool Plausible(LocalDate date) => date.Year is >= MinYear and <= MaxYear;

    /// <summary>A time of day typed as "09:00", "9:00" or "09:00:00"; null when it is none of these.</summary>
    public static LocalTime? ParseTime(string? text)
    {
        var value = text?.Trim() ?? "";
        foreach (var pattern in (ReadOnlySpan<LocalTimePattern>)[Time, ShortTime, TimeWithSeconds])
        {
            if (pattern.Parse(value) is { Success: true } result)
            {
                return result.Value;
            }
        }

        return null;
    }

    public static string FormatTime(LocalTime time) => Time.Format(time);

    /// <summary>A time of day typed exactly as "09:00" (what <c>input type="time"</c> sends); null otherwise.</summary>
    public static LocalTime? ParseClockTime(string? text) =>
        Time.Parse(text?.Trim() ?? "") is { Success: true } result ? result.Value : null;

    /// <summary>An ISO calendar date such as 2026-12-25; null otherwise.</summary>
    public static LocalDate? ParseDate(string? text) =>
        LocalDatePattern.Iso.Parse(text?.Trim() ?? "") is { Success: true } result ? result.Value : null;

    public static string FormatDate(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>A local date and time such as 2026-03-29T01:30 (seconds and a space instead of the T are accepted); null otherwise.</summary>
    public static LocalDateTime? ParseDateTime(string? text)
    {
        var value = text?.Trim() ?? "";
        foreach (var pattern in (ReadOnlySpan<LocalDateTimePattern>)[DateTime, DateTimeWithSeconds, DateSpaceTime])
        {
            if (pattern.Parse(value) is { Success: true } result)
            {
                return result.Value;
            }
        }

        return null;
    }

    /// <summary>The value of an <c>input type="datetime-local"</c>.</summary>
    public static string FormatDateTime(LocalDateTime value) => DateTime.Format(value);

    /// <summary>
    /// A week's hours in a line, consecutive days with the same hours run together: "Mon–Fri 09:00–18:00, Sat 10:00–16:00";
    /// "closed all week" when there are none.
    /// </summary>
    public static string Summary(IReadOnlyList<HoursInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var days = Enumerable.Range(1, 7)
            .Select(d => string.Join(" & ", intervals.Where(i => i.Weekday == d).Select(i => $"{i.Opens}–{i.Closes}")))
            .ToArray();
        var parts = new List<string>();
        for (var start = 0; start < 7;)
        {
            var end = start;
            while (end + 1 < 7 && string.Equals(days[end + 1], days[start], StringComparison.Ordinal))
            {
                end++;
            }

            if (days[start].Length > 0)
            {
                var name = DayName((IsoDayOfWeek)(start + 1))[..3];
                parts.Add(end == start ? $"{name} {days[start]}" : $"{name}–{DayName((IsoDayOfWeek)(end + 1))[..3]} {days[start]}");
            }

            start = end + 1;
        }

        return parts.Count == 0 ? "closed all week" : string.Join(", ", parts);
    }

    /// <summary>Monday, Tuesday… for an ISO weekday (1 = Monday).</summary>
    public static string DayName(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "Monday",
        IsoDayOfWeek.Tuesday => "Tuesday",
        IsoDayOfWeek.Wednesday => "Wednesday",
        IsoDayOfWeek.Thursday => "Thursday",
        IsoDayOfWeek.Friday => "Friday",
        IsoDayOfWeek.Saturday => "Saturday",
        IsoDayOfWeek.Sunday => "Sunday",
        _ => "?",
    };
}

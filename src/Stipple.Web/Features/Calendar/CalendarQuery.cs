using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Stipple.Web.Features.StudioCalendar;

namespace Stipple.Web.Features.Calendar;

/// <summary>
/// What the calendar shows, as its URL says it (<c>/Calendar?view=week&amp;date=2026-03-30&amp;by=room&amp;show=…</c>), so
/// every state is shareable and the back button works. <see cref="ResourceId"/> and <see cref="All"/> are both unset
/// when the URL names no filter: a day then shows everyone, a week the first practitioner or room.
/// </summary>
public sealed record CalendarQuery(CalendarPeriod Period, LocalDate Date, CalendarAxis Axis, Guid? ResourceId, bool All, bool ShowCancelled)
{
    /// <summary>Dates outside this range are refused (they are typing slips, and NodaTime's calendar ends in 9999).</summary>
    public static readonly LocalDate EarliestDate = new(CalendarText.MinYear, 1, 1);

    /// <summary>The last date the calendar shows.</summary>
    public static readonly LocalDate LatestDate = new(CalendarText.MaxYear, 12, 31);

    /// <summary>The first day shown: the date itself, or the Monday of its week.</summary>
    public LocalDate FirstDay => Period == CalendarPeriod.Week ? WeekStart(Date) : Date;

    /// <summary>How many days are shown (1 or 7).</summary>
    public int DayCount => Period == CalendarPeriod.Week ? 7 : 1;

    /// <summary>Reads the query string leniently: anything unreadable falls back to its default.</summary>
    public static CalendarQuery Parse(string? view, string? date, string? by, string? show, string? cancelled, LocalDate today)
    {
        var period = string.Equals(view, "week", StringComparison.OrdinalIgnoreCase) ? CalendarPeriod.Week : CalendarPeriod.Day;
        var axis = string.Equals(by, "room", StringComparison.OrdinalIgnoreCase) ? CalendarAxis.Room : CalendarAxis.Practitioner;
        var day = CalendarText.ParseDate(date) is { } parsed && CalendarText.Plausible(parsed) ? parsed : today;
        var all = string.Equals(show, "all", StringComparison.OrdinalIgnoreCase);
        Guid? resource = !all && Guid.TryParse(show, CultureInfo.InvariantCulture, out var id) ? id : null;
        var showCancelled = cancelled is "1" or "true" or "on";
        return new CalendarQuery(period, day, axis, resource, all, showCancelled);
    }

    public static LocalDate WeekStart(LocalDate date) =>
        date.DayOfWeek == IsoDayOfWeek.Monday ? date : date.Previous(IsoDayOfWeek.Monday);

    /// <summary>The same view a period earlier (-1) or later (+1).</summary>
    public CalendarQuery Step(int direction) => this with { Date = Clamp(Date.PlusDays(direction * DayCount)) };

    /// <summary>Everyone's day view of <paramref name="date"/>.</summary>
    public static string DayUrl(LocalDate date) => new CalendarQuery(CalendarPeriod.Day, date, CalendarAxis.Practitioner, null, false, false).Url();

    /// <summary>One practitioner's week view around <paramref name="date"/>.</summary>
    public static string WeekUrl(LocalDate date, Guid practitionerId) =>
        new CalendarQuery(CalendarPeriod.Week, date, CalendarAxis.Practitioner, practitionerId, false, false).Url();

    /// <summary>The view's own URL.</summary>
    public string Url()
    {
        var url = new StringBuilder("/Calendar?view=");
        url.Append(Period == CalendarPeriod.Week ? "week" : "day");
        url.Append("&date=").Append(LocalDatePattern.Iso.Format(Date));
        url.Append("&by=").Append(Axis == CalendarAxis.Room ? "room" : "practitioner");
        if (All)
        {
            url.Append("&show=all");
        }
        else if (ResourceId is { } id)
        {
            url.Append("&show=").Append(id.ToString("D", CultureInfo.InvariantCulture));
        }

        if (ShowCancelled)
        {
            url.Append("&cancelled=1");
        }

        return url.ToString();
    }

    private static LocalDate Clamp(LocalDate date) => date < EarliestDate ? EarliestDate : date > LatestDate ? LatestDate : date;
}

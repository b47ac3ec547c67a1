using NodaTime;

namespace Stipple.Web.Features.Calendar;

/// <summary>
/// One calendar page: the query it answers, what the controls offer, and either the time grid (a day, or one
/// practitioner's or room's week) or the week summary (everyone's week).
/// </summary>
public sealed record CalendarPageView(
    CalendarQuery Query,
    string Heading,
    LocalDate Today,
    string ZoneId,
    IReadOnlyList<CalendarDay> Days,
    IReadOnlyList<CalendarResource> Resources,
    CalendarResource? Selected,
    CalendarGrid? Grid,
    CalendarWeekSummary? Summary,
    int CancelledCount)
{
    public bool IsDay => Query.Period == CalendarPeriod.Day;

    public bool ByRoom => Query.Axis == CalendarAxis.Room;

    /// <summary>"practitioner" or "room", for labels.</summary>
    public string Noun => ByRoom ? "room" : "practitioner";

    public string PreviousUrl => Query.Step(-1).Url();

    public string NextUrl => Query.Step(1).Url();

    public string TodayUrl => (Query with { Date = Today }).Url();

    public string DayUrl => (Query with { Period = CalendarPeriod.Day }).Url();

    public string WeekUrl => (Query with { Period = CalendarPeriod.Week }).Url();

    public string ByPractitionerUrl => (Query with { Axis = CalendarAxis.Practitioner, ResourceId = null }).Url();

    public string ByRoomUrl => (Query with { Axis = CalendarAxis.Room, ResourceId = null }).Url();

    /// <summary>Whether the range shown includes today.</summary>
    public bool ShowsToday => Query.FirstDay <= Today && Today < Query.FirstDay.PlusDays(Query.DayCount);

    /// <summary>The day view of <paramref name="date"/> for everyone, on the same axis.</summary>
    public string DayViewUrl(LocalDate date) =>
        (Query with { Period = CalendarPeriod.Day, Date = date, ResourceId = null, All = false }).Url();

    /// <summary>The week of one practitioner or room.</summary>
    public string WeekViewUrl(Guid resourceId) =>
        (Query with { Period = CalendarPeriod.Week, ResourceId = resourceId, All = false }).Url();

    /// <summary>The fast booking form for a free cell: the practitioner or room of the column, and the local start.</summary>
    public string BookingUrl(CalendarColumn column, CalendarCell cell)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(cell);
        var start = StudioCalendar.CalendarText.FormatDateTime(cell.Start);
        var id = column.Resource.Id.ToString("D", System.Globalization.CultureInfo.InvariantCulture);
        return $"/Bookings/New?{(ByRoom ? "room" : "practitioner")}={id}&start={start}";
    }
}

using NodaTime;

namespace Stipple.Web.Features.Calendar;

/// <summary>
/// One practitioner or room on one day. <see cref="FreeMinutes"/> counts bookable time still to come;
/// <see cref="ClosedAllDay"/> says why nothing can be booked at all that day, when that is so.
/// </summary>
public sealed record CalendarColumn(
    LocalDate Date,
    CalendarResource Resource,
    bool IsToday,
    string? Note,
    IReadOnlyList<CalendarLane> Lanes,
    IReadOnlyList<CalendarItem> Items,
    int FreeMinutes,
    string? ClosedAllDay);

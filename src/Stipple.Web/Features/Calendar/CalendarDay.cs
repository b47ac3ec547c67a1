using NodaTime;

namespace Stipple.Web.Features.Calendar;

/// <summary>A day heading of the week summary.</summary>
public sealed record CalendarDay(LocalDate Date, string Weekday, string DayText, bool IsToday, string? Note);

namespace Stipple.Web.Features.Calendar;

/// <summary>One practitioner's or room's week in the summary: a column (its items and free time) per day.</summary>
public sealed record CalendarSummaryRow(CalendarResource Resource, IReadOnlyList<CalendarColumn> Days);

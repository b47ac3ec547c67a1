namespace Stipple.Web.Features.Calendar;

/// <summary>The week at a glance for everyone: a row per practitioner or room, a cell per day listing its appointments.</summary>
public sealed record CalendarWeekSummary(IReadOnlyList<CalendarSummaryRow> Rows);

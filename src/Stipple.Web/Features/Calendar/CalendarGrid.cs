namespace Stipple.Web.Features.Calendar;

/// <summary>The time grid: rows of wall-clock time shared by every column, and one column per practitioner, room or day.</summary>
public sealed record CalendarGrid(IReadOnlyList<CalendarRow> Rows, IReadOnlyList<CalendarColumn> Columns);

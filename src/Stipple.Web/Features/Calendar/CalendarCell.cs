using NodaTime;

namespace Stipple.Web.Features.Calendar;

/// <summary>
/// One table cell of the time grid: it starts at <see cref="Row"/> and spans <see cref="Span"/> 15-minute rows;
/// <see cref="Start"/> is its first row's wall-clock time on the column's date.
/// </summary>
public sealed record CalendarCell(CalendarCellKind Kind, int Row, int Span, LocalDateTime Start, string? Label = null, CalendarItem? Item = null);

namespace Stipple.Web.Features.Calendar;

/// <summary>One lane of a column: cells covering every row once. A column has more lanes only where appointments overlap (cancelled ones shown beside live ones).</summary>
public sealed class CalendarLane
{
    private readonly CalendarCell?[] starts;

    public CalendarLane(IReadOnlyList<CalendarCell> cells, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(cells);
        starts = new CalendarCell?[rowCount];
        foreach (var cell in cells)
        {
            starts[cell.Row] = cell;
        }
    }

    /// <summary>The cell that starts at <paramref name="row"/>, or null when an earlier cell spans it.</summary>
    public CalendarCell? At(int row) => starts[row];
}

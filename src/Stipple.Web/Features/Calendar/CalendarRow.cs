namespace Stipple.Web.Features.Calendar;

/// <summary>A 15-minute row of the grid: its wall-clock time (<see cref="Minute"/> after local midnight) and label.</summary>
public sealed record CalendarRow(int Index, int Minute, string Label, bool IsNow)
{
    public bool IsHour => Minute % 60 == 0;

    public bool IsHalfHour => Minute % 60 == 30;
}

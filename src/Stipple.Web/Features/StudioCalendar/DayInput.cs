namespace Stipple.Web.Features.StudioCalendar;

/// <summary>One weekday's row in the weekly hours table: open or closed, and its intervals (a lunch break makes two).</summary>
public sealed class DayInput
{
    public bool Open { get; set; }

    public IList<SlotInput> Slots { get; set; } = [];
}

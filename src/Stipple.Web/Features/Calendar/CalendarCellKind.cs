namespace Stipple.Web.Features.Calendar;

/// <summary>What one cell of the time grid holds.</summary>
public enum CalendarCellKind
{
    /// <summary>Bookable time: a link to the booking form.</summary>
    Free,

    /// <summary>Open time that has already begun: nothing to book.</summary>
    Past,

    /// <summary>Outside opening or working hours, a studio closure, or time off (the label says which).</summary>
    Closed,

    /// <summary>A wall-clock time that does not exist that day (the clocks went forward).</summary>
    Skipped,

    /// <summary>Nothing here: a lane beside another appointment.</summary>
    Blank,

    /// <summary>An appointment block.</summary>
    Appointment,

    /// <summary>The cleanup buffer after an appointment, when practitioner and room are still busy.</summary>
    Buffer,
}

namespace Stipple.Domain;

/// <summary>Whether a plan's appointments stand.</summary>
public enum TreatmentPlanStatus
{
    /// <summary>Booked: its appointments are in the calendar (some may since have been moved or cancelled singly).</summary>
    Booked = 1,

    /// <summary>Cancelled as a whole: every appointment still to come was cancelled with it.</summary>
    Cancelled = 2,
}

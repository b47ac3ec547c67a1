namespace Stipple.Domain;

/// <summary>What happened to an appointment (<see cref="AppointmentEvent"/>).</summary>
public enum AppointmentEventKind
{
    Booked = 1,

    Rescheduled = 2,

    Cancelled = 3,

    NoShow = 4,

    Completed = 5,
}

namespace Stipple.Domain;

/// <summary>Where an appointment stands. Only <see cref="Cancelled"/> frees its practitioner, room and client time.</summary>
public enum AppointmentStatus
{
    Booked = 1,

    Completed = 2,

    /// <summary>The client did not come; the time stays recorded as used.</summary>
    NoShow = 3,

    Cancelled = 4,
}

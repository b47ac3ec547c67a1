using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// One entry of an appointment's history, written once: who did what when, a reschedule's old and new start, and
/// whether it came inside the studio's notice window (<see cref="LateNotice"/>).
/// </summary>
public sealed class AppointmentEvent
{
    private AppointmentEvent()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid AppointmentId { get; private set; }

    public AppointmentEventKind Kind { get; private set; }

    public Instant At { get; private set; }

    public Guid? ByStaff { get; private set; }

    public Instant? FromStartsAt { get; private set; }

    public Instant? ToStartsAt { get; private set; }

    public bool LateNotice { get; private set; }

    public string Reason { get; private set; } = "";

    public static AppointmentEvent Record(Appointment appointment, AppointmentEventKind kind, Guid? byStaff, Instant at, Instant? from = null, Instant? to = null, bool lateNotice = false, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return new AppointmentEvent
        {
            StudioId = appointment.StudioId,
            Id = Guid.NewGuid(),
            AppointmentId = appointment.Id,
            Kind = kind,
            At = at,
            ByStaff = byStaff,
            FromStartsAt = from,
            ToStartsAt = to,
            LateNotice = lateNotice,
            Reason = Guard.Optional(reason, "reason", 500) ?? "",
        };
    }
}

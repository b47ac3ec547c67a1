using NodaTime;
using Stipple.Core.Scheduling;

namespace Stipple.Domain;

/// <summary>
/// One appointment: a client with one practitioner in one room. [<see cref="StartsAt"/>, <see cref="EndsAt"/>) is the
/// client's time; practitioner and room stay busy until <see cref="BlockedUntil"/> (cleanup). The database refuses two
/// live appointments that overlap for a practitioner, a room or a client.
/// </summary>
public sealed class Appointment
{
    private Appointment()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    /// <summary>The plan this is a step of, or null for a stand-alone appointment (a consultation, a touch-up).</summary>
    public Guid? PlanId { get; private set; }

    /// <summary>1-based position in the plan (session 1, 2, 3…, then the healed review), or null.</summary>
    public int? Step { get; private set; }

    public ServiceKind Kind { get; private set; }

    public Guid PractitionerId { get; private set; }

    public Guid RoomId { get; private set; }

    public Instant StartsAt { get; private set; }

    public Instant EndsAt { get; private set; }

    public Instant BlockedUntil { get; private set; }

    public AppointmentStatus Status { get; private set; }

    public Guid? BookedBy { get; private set; }

    public Instant BookedAt { get; private set; }

    public Instant? CancelledAt { get; private set; }

    /// <summary>Whether the last change (a reschedule or the cancellation) came inside the studio's notice window.</summary>
    public bool LateNotice { get; private set; }

    public static Appointment Book(Guid studioId, Guid clientId, Guid? planId, int? step, PlacedSession placed, Guid? bookedBy, Instant now)
    {
        ArgumentNullException.ThrowIfNull(placed);
        if ((planId is null) != (step is null))
        {
            throw new ArgumentException("A plan step needs both the plan and its position.", nameof(step));
        }

        return new Appointment
        {
            StudioId = studioId,
            Id = Guid.NewGuid(),
            ClientId = clientId,
            PlanId = planId,
            Step = step,
            Kind = placed.Kind,
            PractitionerId = placed.PractitionerId,
            RoomId = placed.RoomId,
            StartsAt = placed.Start,
            EndsAt = placed.End,
            BlockedUntil = placed.BlockedUntil,
            Status = AppointmentStatus.Booked,
            BookedBy = bookedBy,
            BookedAt = now,
        };
    }

    /// <summary>Moves a booked appointment (and may change practitioner or room); the length and buffer come with it.</summary>
    public void Reschedule(PlacedSession placed, bool lateNotice)
    {
        ArgumentNullException.ThrowIfNull(placed);
        RequireBooked("moved");
        PractitionerId = placed.PractitionerId;
        RoomId = placed.RoomId;
        StartsAt = placed.Start;
        EndsAt = placed.End;
        BlockedUntil = placed.BlockedUntil;
        LateNotice = lateNotice;
    }

    public void Cancel(Instant now, bool lateNotice)
    {
        RequireBooked("cancelled");
        Status = AppointmentStatus.Cancelled;
        CancelledAt = now;
        LateNotice = lateNotice;
    }

    /// <summary>Marks that the client did not come; only once the appointment has started.</summary>
    public void MarkNoShow(Instant now)
    {
        RequireBooked("marked as a no-show");
        if (now < StartsAt)
        {
            throw new DomainException("status", "cannot be a no-show before the appointment has started.");
        }

        Status = AppointmentStatus.NoShow;
    }

    public void Complete(Instant now)
    {
        RequireBooked("completed");
        if (now < StartsAt)
        {
            throw new DomainException("status", "cannot be completed before the appointment has started.");
        }

        Status = AppointmentStatus.Completed;
    }

    private void RequireBooked(string what)
    {
        if (Status != AppointmentStatus.Booked)
        {
            throw new DomainException("status", $"is {Status.ToString().ToLowerInvariant()}: only a booked appointment can be {what}.");
        }
    }
}

using NodaTime;
using Stipple.Domain;

namespace Stipple.Web.Features.Calendar;

/// <summary>One appointment as the calendar reads it: the row with its client's name and its kind spelled out.</summary>
public sealed record CalendarEntry(
    Guid Id,
    string ClientName,
    string KindText,
    Guid PractitionerId,
    Guid RoomId,
    Instant StartsAt,
    Instant EndsAt,
    Instant BlockedUntil,
    AppointmentStatus Status)
{
    public bool IsLive => Status != AppointmentStatus.Cancelled;

    /// <summary>Until when the appointment holds its practitioner and room: the cleanup buffer's end, or its own end once cancelled.</summary>
    public Instant HeldUntil => IsLive ? BlockedUntil : EndsAt;
}

using NodaTime;
using Stipple.Domain;
using Stipple.Web.Features.Scheduling;

namespace Stipple.Web.Features.Calendar;

/// <summary>One appointment for its detail page; every time is already written out in the studio's zone.</summary>
public sealed record AppointmentDetails(
    Guid Id,
    Guid ClientId,
    string ClientName,
    string KindText,
    AppointmentStatus Status,
    LocalDate Date,
    string WhenText,
    string? CleanupText,
    string PractitionerName,
    string RoomName,
    string BookedText,
    bool LateNotice,
    bool HasStarted,
    IReadOnlyList<AppointmentHistoryEntry> History)
{
    public string StatusText => AppointmentLabels.Status(Status);

    public bool IsBooked => Status == AppointmentStatus.Booked;

    /// <summary>Only a booked appointment that has begun can be marked as a no-show (<see cref="Appointment.MarkNoShow"/>).</summary>
    public bool CanMarkNoShow => IsBooked && HasStarted;
}

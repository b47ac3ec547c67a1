using Stipple.Core.Scheduling;
using Stipple.Domain;

namespace Stipple.Web.Features.Calendar;

/// <summary>How an appointment's kind and status read on the calendar and its detail page.</summary>
public static class AppointmentLabels
{
    /// <summary>"Session 1 of 3", "Healed review", "Consultation"…; <paramref name="step"/> is the 1-based plan position.</summary>
    public static string Kind(ServiceKind kind, int? step, int? sessionCount) => kind switch
    {
        ServiceKind.Consultation => "Consultation",
        ServiceKind.FirstSession or ServiceKind.FollowUpSession when step is { } s && sessionCount is { } n =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Session {s} of {n}"),
        ServiceKind.FirstSession => "Session 1",
        ServiceKind.FollowUpSession => "Follow-up session",
        ServiceKind.TouchUp => "Touch-up",
        ServiceKind.HealedReview => "Healed review",
        _ => kind.ToString(),
    };

    public static string Status(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "Booked",
        AppointmentStatus.Completed => "Completed",
        AppointmentStatus.NoShow => "No-show",
        AppointmentStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    /// <summary>The CSS modifier for a status (blocks and badges carry the status as text too, never by colour alone).</summary>
    public static string StatusClass(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Completed => "is-completed",
        AppointmentStatus.NoShow => "is-no-show",
        AppointmentStatus.Cancelled => "is-cancelled",
        _ => "is-booked",
    };

    public static string Event(AppointmentEventKind kind) => kind switch
    {
        AppointmentEventKind.Booked => "Booked",
        AppointmentEventKind.Rescheduled => "Rescheduled",
        AppointmentEventKind.Cancelled => "Cancelled",
        AppointmentEventKind.NoShow => "Marked as a no-show",
        AppointmentEventKind.Completed => "Completed",
        _ => kind.ToString(),
    };
}

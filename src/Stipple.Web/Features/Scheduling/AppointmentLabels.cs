using System.Globalization;
using Stipple.Core.Scheduling;

namespace Stipple.Web.Features.Scheduling;

/// <summary>What an appointment is, in words a client and a front desk use: "Session 2 of 3", "Healed review".</summary>
public static class AppointmentLabels
{
    public static string For(ServiceKind kind, int? step, int? sessionCount) => kind switch
    {
        ServiceKind.Consultation => "Consultation",
        ServiceKind.TouchUp => "Touch-up",
        ServiceKind.HealedReview => "Healed review",
        ServiceKind.FirstSession or ServiceKind.FollowUpSession when step is { } n && sessionCount is { } total =>
            string.Create(CultureInfo.InvariantCulture, $"Session {n} of {total}"),
        ServiceKind.FirstSession => "Session 1",
        ServiceKind.FollowUpSession => "Follow-up session",
        _ => kind.ToString(),
    };

    /// <summary>A status in words: "Booked", "No-show"…</summary>
    public static string Status(Domain.AppointmentStatus status) => status switch
    {
        Domain.AppointmentStatus.Booked => "Booked",
        Domain.AppointmentStatus.Completed => "Completed",
        Domain.AppointmentStatus.NoShow => "No-show",
        Domain.AppointmentStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    /// <summary>The CSS modifier for a status (blocks and badges carry the status as text too, never by colour alone).</summary>
    public static string StatusClass(Domain.AppointmentStatus status) => status switch
    {
        Domain.AppointmentStatus.Completed => "is-completed",
        Domain.AppointmentStatus.NoShow => "is-no-show",
        Domain.AppointmentStatus.Cancelled => "is-cancelled",
        _ => "is-booked",
    };

    /// <summary>A history entry in words.</summary>
    public static string Event(Domain.AppointmentEventKind kind) => kind switch
    {
        Domain.AppointmentEventKind.Booked => "Booked",
        Domain.AppointmentEventKind.Rescheduled => "Rescheduled",
        Domain.AppointmentEventKind.Cancelled => "Cancelled",
        Domain.AppointmentEventKind.NoShow => "Marked as a no-show",
        Domain.AppointmentEventKind.Completed => "Completed",
        _ => kind.ToString(),
    };

    /// <summary>The code of <paramref name="kind"/> as the API and database spell it (first_session…).</summary>
    public static string Code(ServiceKind kind) => Data.Conversions.ServiceKindConverter.Code(kind);

    /// <summary>The status as the API spells it: booked, completed, no_show, cancelled.</summary>
    public static string Code(Domain.AppointmentStatus status) => Data.Conversions.SnakeCaseEnumConverter<Domain.AppointmentStatus>.Code(status);

    /// <summary>The kind a code names, or null.</summary>
    public static ServiceKind? Parse(string? code) => Data.Conversions.ServiceKindConverter.TryParse(code);
}

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
        _ => "SMP session",
    };

    /// <summary>The code of <paramref name="kind"/> as the API and database spell it (first_session…).</summary>
    public static string Code(ServiceKind kind) => Data.Conversions.ServiceKindConverter.Code(kind);

    /// <summary>The status as the API spells it: booked, completed, no_show, cancelled.</summary>
    public static string Code(Domain.AppointmentStatus status) => status switch
    {
        Domain.AppointmentStatus.Booked => "booked",
        Domain.AppointmentStatus.Completed => "completed",
        Domain.AppointmentStatus.NoShow => "no_show",
        Domain.AppointmentStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown status"),
    };

    /// <summary>The kind a code names, or null.</summary>
    public static ServiceKind? Parse(string? code) => code switch
    {
        "consultation" => ServiceKind.Consultation,
        "first_session" => ServiceKind.FirstSession,
        "follow_up_session" => ServiceKind.FollowUpSession,
        "touch_up" => ServiceKind.TouchUp,
        "healed_review" => ServiceKind.HealedReview,
        _ => null,
    };
}

using System.Globalization;
using Stipple.Core.Scheduling;

namespace Stipple.Web.Features.Reminders;

/// <summary>What an appointment is, in words for clients and calendars ("SMP session 1 of 3", "Healed review").</summary>
public static class AppointmentWording
{
    /// <summary>A title, e.g. "SMP session 2 of 3"; <paramref name="step"/> and <paramref name="planSessions"/> come from the plan, when there is one.</summary>
    public static string Title(ServiceKind kind, int? step, int? planSessions) => kind switch
    {
        ServiceKind.FirstSession or ServiceKind.FollowUpSession when step is { } n && planSessions is { } total && n <= total =>
            string.Create(CultureInfo.InvariantCulture, $"SMP session {n} of {total}"),
        ServiceKind.FirstSession or ServiceKind.FollowUpSession => "SMP session",
        ServiceKind.Consultation => "Consultation",
        ServiceKind.TouchUp => "SMP touch-up",
        ServiceKind.HealedReview => "Healed review",
        _ => "Appointment",
    };

    /// <summary>The appointment as the object of a sentence: "your SMP session", "your consultation".</summary>
    public static string YourAppointment(ServiceKind kind) => kind switch
    {
        ServiceKind.FirstSession or ServiceKind.FollowUpSession => "your SMP session",
        ServiceKind.Consultation => "your consultation",
        ServiceKind.TouchUp => "your SMP touch-up",
        ServiceKind.HealedReview => "your healed review",
        _ => "your appointment",
    };


    /// <summary>How to prepare for a treatment (smp-facts §6.4).</summary>
    public static IReadOnlyList<string> Preparation { get; } =
    [
        "Shave or cut your hair 48 hours before the session; do not use a razor on the day.",
        "Wash your scalp before you come.",
        "Put no products on your scalp on the day: no gels, sprays, fibres, creams or oils.",
        "If your scalp has redness, breakouts or an infection, call us to reschedule: irritated skin cannot be treated.",
    ];
}

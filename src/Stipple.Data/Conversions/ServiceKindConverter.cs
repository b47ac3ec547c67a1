using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Stipple.Core.Scheduling;

namespace Stipple.Data.Conversions;

/// <summary>Service kinds are stored by their snake_case code (first_session, …), which a check constraint lists.</summary>
public sealed class ServiceKindConverter() : ValueConverter<ServiceKind, string>(
    k => Code(k),
    s => Parse(s))
{
    public static string Code(ServiceKind kind) => kind switch
    {
        ServiceKind.Consultation => "consultation",
        ServiceKind.FirstSession => "first_session",
        ServiceKind.FollowUpSession => "follow_up_session",
        ServiceKind.TouchUp => "touch_up",
        ServiceKind.HealedReview => "healed_review",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown service kind"),
    };

    public static ServiceKind Parse(string code) =>
        TryParse(code) ?? throw new InvalidOperationException($"Unknown service kind '{code}' in the database.");

    /// <summary>The kind a code names, or null when it names none.</summary>
    public static ServiceKind? TryParse(string? code) => code switch
    {
        "consultation" => ServiceKind.Consultation,
        "first_session" => ServiceKind.FirstSession,
        "follow_up_session" => ServiceKind.FollowUpSession,
        "touch_up" => ServiceKind.TouchUp,
        "healed_review" => ServiceKind.HealedReview,
        _ => null,
    };
}

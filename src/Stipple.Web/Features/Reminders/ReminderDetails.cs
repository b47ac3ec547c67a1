using NodaTime;
using Stipple.Core.Scheduling;

namespace Stipple.Web.Features.Reminders;

/// <summary>Everything a reminder e-mail says, read through row-level security in the dispatcher's transaction.</summary>
public sealed record ReminderDetails
{
    public required ServiceKind Kind { get; init; }

    public int? Step { get; init; }

    public int? PlanSessions { get; init; }

    public required Instant Start { get; init; }

    public required Instant End { get; init; }

    public required string ClientGivenName { get; init; }

    public string? ClientEmail { get; init; }

    /// <summary>The client's own IANA zone, or null for the studio's.</summary>
    public string? ClientTimeZone { get; init; }

    public required string StudioName { get; init; }

    public required string StudioTimeZone { get; init; }

    /// <summary>BCP 47 name of the studio's formatting culture, e.g. en-GB.</summary>
    public required string StudioLocale { get; init; }

    /// <summary>The studio's address on one line; empty when it has none.</summary>
    public required string StudioAddress { get; init; }

    public required string PractitionerName { get; init; }

    /// <summary>The studio's notice for a cancellation without charge, in hours (SchedulingSettings.CancelNoticeHours).</summary>
    public required int CancelNoticeHours { get; init; }
}

using NodaTime;
using Stipple.Core.Scheduling;
using Stipple.Domain;

namespace Stipple.Web.Features.CalendarFeeds;

/// <summary>One appointment of a feed with the names it shows.</summary>
public sealed record CalendarFeedRow(
    Guid Id,
    ServiceKind Kind,
    int? Step,
    int? PlanSessions,
    string PlanNote,
    Instant Start,
    Instant End,
    AppointmentStatus Status,
    Guid ClientId,
    string ClientName,
    string? ClientTimeZone,
    string PractitionerName,
    string RoomName,
    int Revisions);

using NodaTime;

namespace Stipple.Web.Features.StudioCalendar;

/// <summary>A practitioner's time off, [<see cref="StartsAt"/>, <see cref="EndsAt"/>).</summary>
public sealed record TimeOffDto(Guid Id, Instant StartsAt, Instant EndsAt, string Reason);

using NodaTime;

namespace Stipple.Web.Features.Staff;

public sealed record InvitationSummary(Guid Id, string Email, string Role, Instant ExpiresAt);

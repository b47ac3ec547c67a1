namespace Stipple.Web.Features.Staff;

public sealed record StaffSummary(Guid Id, string DisplayName, string Email, string Role, bool IsActive, bool TwoFactor);

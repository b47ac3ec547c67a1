using Stipple.Domain;

namespace Stipple.Web.Features.Accounts;

public sealed record SignInOutcome(StaffUser? User, bool CodeRequired, string? Error)
{
    public static SignInOutcome Success(StaffUser user) => new(user, false, null);

    public static SignInOutcome NeedsCode(StaffUser user) => new(user, true, null);

    public static SignInOutcome Failed(string error) => new(null, false, error);
}

using System.Globalization;
using System.Security.Claims;

namespace Stipple.Web.Infrastructure.Auth;

/// <summary>Claim names and readers for Stipple principals (staff signed in with a cookie, or an API key).</summary>
public static class StippleClaims
{
    public const string Studio = "stipple:studio";
    public const string User = "stipple:user";
    public const string Stamp = "stipple:stamp";
    public const string Kind = "stipple:kind";
    public const string ApiKey = "stipple:api_key";

    public const string StaffKind = "staff";
    public const string IntegrationKind = "integration";

    /// <summary>The role given to API-key principals.</summary>
    public const string IntegrationRole = "integration";

    public static Guid? StudioId(this ClaimsPrincipal principal) => ReadGuid(principal, Studio);

    public static Guid? UserId(this ClaimsPrincipal principal) => ReadGuid(principal, User);

    public static string? Name(this ClaimsPrincipal principal) => principal?.FindFirstValue(ClaimTypes.Name);

    public static string? Role(this ClaimsPrincipal principal) => principal?.FindFirstValue(ClaimTypes.Role);

    public static string Format(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static Guid? ReadGuid(ClaimsPrincipal? principal, string type) =>
        Guid.TryParse(principal?.FindFirstValue(type), CultureInfo.InvariantCulture, out var id) ? id : null;
}

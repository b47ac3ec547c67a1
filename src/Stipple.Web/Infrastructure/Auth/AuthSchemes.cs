namespace Stipple.Web.Infrastructure.Auth;

public static class AuthSchemes
{
    /// <summary>Picks the API key handler when the request carries a key, the cookie otherwise.</summary>
    public const string Default = "stipple";
    public const string Cookie = "stipple.cookie";
    public const string TwoFactor = "stipple.2fa";
    public const string ApiKey = "stipple.apikey";
}

using System.Security.Cryptography;
using System.Text;

namespace Stipple.Web.Infrastructure;

/// <summary>
/// Secret tokens for links sent to people (staff invitations, client intake links): 32 random bytes as URL-safe
/// base64, and the SHA-256 the database keeps instead of the token itself.
/// </summary>
public static class LinkTokens
{
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

using System.Security.Cryptography;
using System.Text;

namespace Stipple.Data;

/// <summary>
/// API keys look like <c>stp_&lt;prefix&gt;_&lt;secret&gt;</c>: the prefix (letters and digits) finds the key, the whole
/// key's SHA-256 proves it. Keys carry 128+ bits of randomness, so a fast hash is the right tool (no password stretching).
/// </summary>
public static class ApiKeyFormat
{
    public const string Scheme = "stp";

    public static (string Prefix, string Secret)? Parse(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 200)
        {
            return null;
        }

        var parts = key.Split('_');
        if (parts.Length < 3 || !string.Equals(parts[0], Scheme, StringComparison.Ordinal))
        {
            return null;
        }

        var secret = parts[^1];
        var prefix = string.Join('_', parts[1..^1]);
        if (prefix.Length is < 4 or > 40 || secret.Length < 16 || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || !secret.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        return (prefix, secret);
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>A new key from <paramref name="random"/> bytes (at least 24: 8 for the prefix, 16+ for the secret).</summary>
    public static string Create(ReadOnlySpan<byte> random)
    {
        if (random.Length < 24)
        {
            throw new ArgumentException("At least 24 random bytes are needed.", nameof(random));
        }

        return $"{Scheme}_{Convert.ToHexStringLower(random[..8])}_{Convert.ToHexStringLower(random[8..])}";
    }
}

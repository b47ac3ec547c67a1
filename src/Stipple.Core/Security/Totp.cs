using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using NodaTime;

namespace Stipple.Core.Security;

/// <summary>
/// Time-based one-time passwords per RFC 6238 (TOTP) on top of RFC 4226 (HOTP): HMAC-SHA1, time step
/// <see cref="StepSeconds"/> = 30 seconds, epoch T0 = Unix epoch, <see cref="DefaultDigits"/> = 6 digits.
/// Pure functions: the current time is passed in as an <see cref="Instant"/>, and secrets are supplied by the caller
/// (generate them outside Core with a CSPRNG, at least 20 bytes / 160 bits as recommended by RFC 4226 §4 R6).
/// </summary>
public static class Totp
{
    /// <summary>Time step X in seconds (RFC 6238 §4.1 default).</summary>
    public const int StepSeconds = 30;

    /// <summary>Default code length in decimal digits (RFC 4226 §5.3 minimum).</summary>
    public const int DefaultDigits = 6;

    /// <summary>Smallest supported code length in digits (RFC 4226 §5.3, requirement R4).</summary>
    public const int MinDigits = 6;

    /// <summary>Largest supported code length in digits (RFC 4226 §5.3, requirement R4; RFC 6238 Appendix B uses 8).</summary>
    public const int MaxDigits = 8;

    /// <summary>
    /// Computes the RFC 4226 §5.3 time step counter T = floor((unix seconds − T0) / X) with T0 = 0 and X = 30 s
    /// (RFC 6238 §4.2).
    /// </summary>
    /// <param name="at">The instant to evaluate.</param>
    /// <returns>The non-negative time step number.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the Unix epoch.</exception>
    public static long TimeStep(Instant at)
    {
        var seconds = at.ToUnixTimeSeconds();
        ArgumentOutOfRangeException.ThrowIfNegative(seconds, nameof(at));
        return seconds / StepSeconds;
    }

    /// <summary>
    /// Computes the TOTP code for <paramref name="at"/> (RFC 6238 §4.2): HOTP(K, T) with HMAC-SHA1 and dynamic
    /// truncation (RFC 4226 §5.3), reduced modulo 10^<paramref name="digits"/> and left-padded with zeros.
    /// </summary>
    /// <param name="secret">The shared secret K (raw bytes, not Base32).</param>
    /// <param name="at">The instant to compute the code for.</param>
    /// <param name="digits">Code length in decimal digits, <see cref="MinDigits"/>–<see cref="MaxDigits"/>.</param>
    /// <returns>The code as exactly <paramref name="digits"/> ASCII digits.</returns>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="digits"/> is outside 6–8, or <paramref name="at"/> is before the Unix epoch.
    /// </exception>
    public static string Compute(ReadOnlySpan<byte> secret, Instant at, int digits = DefaultDigits)
    {
        ValidateSecret(secret);
        ValidateDigits(digits);
        Span<char> code = stackalloc char[MaxDigits];
        WriteCode(secret, TimeStep(at), digits, code);
        return new string(code[..digits]);
    }

    /// <summary>
    /// Verifies a <see cref="DefaultDigits"/>-digit code against the steps within ±<paramref name="allowedDriftSteps"/>
    /// of <paramref name="at"/> (RFC 6238 §5.2 clock-drift window). See the overload with <c>matchedStep</c> for details.
    /// </summary>
    /// <param name="secret">The shared secret K (raw bytes).</param>
    /// <param name="code">The code the user typed; spaces are ignored; <see langword="null"/> never verifies.</param>
    /// <param name="at">The verifier's current instant.</param>
    /// <param name="allowedDriftSteps">How many 30 s steps either side of the current step to accept (≥ 0).</param>
    /// <returns><see langword="true"/> when the code matches one of the accepted steps.</returns>
    public static bool Verify(ReadOnlySpan<byte> secret, [NotNullWhen(true)] string? code, Instant at, int allowedDriftSteps = 1) =>
        Verify(secret, code, at, out _, allowedDriftSteps);

    /// <summary>
    /// Verifies a <see cref="DefaultDigits"/>-digit code against the time steps
    /// <c>TimeStep(at) − allowedDriftSteps … TimeStep(at) + allowedDriftSteps</c> (RFC 6238 §5.2) and reports which
    /// step matched, so the caller can persist it and refuse any code for a step at or before the last accepted one
    /// (RFC 6238 §5.2: "the verifier MUST NOT accept the second attempt of the OTP after the successful validation").
    /// </summary>
    /// <remarks>
    /// Spaces anywhere in <paramref name="code"/> are removed (apps display codes as <c>123 456</c>); anything else
    /// other than ASCII digits, or a length other than 6, is rejected. Every candidate step is computed and compared
    /// with <see cref="CryptographicOperations.FixedTimeEquals"/>, without early exit. Steps before the Unix epoch are
    /// skipped. If several steps match (probability about 10⁻⁶), the one closest to the current step wins.
    /// </remarks>
    /// <param name="secret">The shared secret K (raw bytes).</param>
    /// <param name="code">The code the user typed; <see langword="null"/> never verifies.</param>
    /// <param name="at">The verifier's current instant.</param>
    /// <param name="matchedStep">The RFC 6238 time step T the code matched; 0 when verification fails.</param>
    /// <param name="allowedDriftSteps">How many 30 s steps either side of the current step to accept (0–10).</param>
    /// <returns><see langword="true"/> when the code matches one of the accepted steps.</returns>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="allowedDriftSteps"/> is outside 0–10, or <paramref name="at"/> is before the Unix epoch.
    /// </exception>
    public static bool Verify(
        ReadOnlySpan<byte> secret,
        [NotNullWhen(true)] string? code,
        Instant at,
        out long matchedStep,
        int allowedDriftSteps = 1)
    {
        ValidateSecret(secret);
        ArgumentOutOfRangeException.ThrowIfNegative(allowedDriftSteps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(allowedDriftSteps, 10);
        var current = TimeStep(at);
        matchedStep = 0;

        Span<byte> candidate = stackalloc byte[DefaultDigits];
        if (!TryNormalize(code, candidate))
        {
            return false;
        }

        Span<char> expectedChars = stackalloc char[DefaultDigits];
        Span<byte> expected = stackalloc byte[DefaultDigits];
        var found = false;

        // Order 0, -1, +1, -2, +2, … so the first match recorded is the one closest to the current step.
        for (var i = 0; i <= 2 * allowedDriftSteps; i++)
        {
            var offset = (i + 1) / 2 * (i % 2 == 1 ? -1 : 1);
            var step = current + offset;
            if (step < 0)
            {
                continue;
            }

            WriteCode(secret, step, DefaultDigits, expectedChars);
            for (var j = 0; j < DefaultDigits; j++)
            {
                expected[j] = (byte)expectedChars[j];
            }

            var equal = CryptographicOperations.FixedTimeEquals(expected, candidate);
            if (equal && !found)
            {
                found = true;
                matchedStep = step;
            }
        }

        return found;
    }

    /// <summary>
    /// Builds a Key URI (Google Authenticator "Key Uri Format", the de-facto standard for provisioning TOTP secrets via
    /// QR code): <c>otpauth://totp/{issuer}:{account}?secret={Base32}&amp;issuer={issuer}&amp;algorithm=SHA1&amp;digits=6&amp;period=30</c>.
    /// Issuer and account are percent-encoded with <see cref="Uri.EscapeDataString(string)"/> (RFC 3986 §2.1);
    /// the secret is RFC 4648 Base32 without padding.
    /// </summary>
    /// <param name="issuer">The service name shown by the authenticator app (for example the studio name).</param>
    /// <param name="accountName">The user's account identifier (for example an e-mail address).</param>
    /// <param name="secret">The shared secret K (raw bytes).</param>
    /// <returns>The absolute <c>otpauth</c> URI as a string.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="issuer"/> or <paramref name="accountName"/> is null, empty, whitespace or contains a colon
    /// (the label separator, which the Key Uri Format forbids inside either part); or <paramref name="secret"/> is empty.
    /// </exception>
    public static string OtpAuthUri(string issuer, string accountName, ReadOnlySpan<byte> secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        if (issuer.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("The issuer must not contain ':' (it separates issuer and account in the label).", nameof(issuer));
        }

        if (accountName.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("The account name must not contain ':' (it separates issuer and account in the label).", nameof(accountName));
        }

        ValidateSecret(secret);

        var escapedIssuer = Uri.EscapeDataString(issuer);
        var escapedAccount = Uri.EscapeDataString(accountName);
        var encodedSecret = Uri.EscapeDataString(Base32.Encode(secret));
        return "otpauth://totp/" + escapedIssuer + ":" + escapedAccount
            + "?secret=" + encodedSecret
            + "&issuer=" + escapedIssuer
            + "&algorithm=SHA1&digits=6&period=30";
    }

    /// <summary>Writes HOTP(K, counter) (RFC 4226 §5.3) as <paramref name="digits"/> ASCII digits into <paramref name="destination"/>.</summary>
    [SuppressMessage(
        "Security",
        "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "RFC 6238/RFC 4226 specify HMAC-SHA1, which authenticator apps expect; HMAC-SHA1 is not affected by SHA-1 collision attacks (RFC 4226 Appendix A.4).")]
    private static void WriteCode(ReadOnlySpan<byte> secret, long counter, int digits, Span<char> destination)
    {
        Span<byte> message = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);

        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, message, hash);

        // Dynamic truncation (RFC 4226 §5.3): low nibble of the last byte selects a 4-byte window; drop the sign bit.
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7FFF_FFFF;

        for (var i = digits - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (binary % 10));
            binary /= 10;
        }

        CryptographicOperations.ZeroMemory(hash);
    }

    /// <summary>Removes spaces and checks for exactly <see cref="DefaultDigits"/> ASCII digits, copying them into <paramref name="destination"/>.</summary>
    private static bool TryNormalize(string? code, Span<byte> destination)
    {
        if (code is null)
        {
            return false;
        }

        var count = 0;
        foreach (var c in code)
        {
            if (c == ' ')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || count == destination.Length)
            {
                return false;
            }

            destination[count++] = (byte)c;
        }

        return count == destination.Length;
    }

    private static void ValidateSecret(ReadOnlySpan<byte> secret)
    {
        if (secret.IsEmpty)
        {
            throw new ArgumentException("The TOTP secret must not be empty.", nameof(secret));
        }
    }

    private static void ValidateDigits(int digits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, MinDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, MaxDigits);
    }
}

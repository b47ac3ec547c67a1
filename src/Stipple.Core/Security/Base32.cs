using System.Globalization;

namespace Stipple.Core.Security;

/// <summary>
/// Base32 encoding with the RFC 4648 §6 alphabet (<c>A–Z</c>, <c>2–7</c>), as used for TOTP shared secrets
/// (RFC 6238 secrets are conventionally exchanged in this form in <c>otpauth://</c> URIs).
/// </summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>
    /// Encodes <paramref name="data"/> as upper-case RFC 4648 §6 Base32 <b>without</b> trailing <c>=</c> padding
    /// (padding omitted as permitted by RFC 4648 §3.2, and as expected by authenticator apps).
    /// </summary>
    /// <param name="data">The bytes to encode; may be empty.</param>
    /// <returns>The Base32 text, <c>ceil(8 × length / 5)</c> characters long; empty for empty input.</returns>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return string.Empty;
        }

        var output = new char[((data.Length * 8) + 4) / 5];
        var buffer = 0;
        var bitsInBuffer = 0;
        var index = 0;

        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bitsInBuffer += 8;
            while (bitsInBuffer >= 5)
            {
                bitsInBuffer -= 5;
                output[index++] = Alphabet[(buffer >> bitsInBuffer) & 0x1F];
            }

            // Keep only the bits not yet emitted so the int never overflows.
            buffer &= (1 << bitsInBuffer) - 1;
        }

        if (bitsInBuffer > 0)
        {
            output[index] = Alphabet[(buffer << (5 - bitsInBuffer)) & 0x1F];
        }

        return new string(output);
    }

    /// <summary>
    /// Decodes RFC 4648 §6 Base32 text. Letters are accepted in either case; spaces and hyphens anywhere are ignored
    /// (secrets are often shown in groups such as <c>JBSW Y3DP</c>); trailing <c>=</c> padding is ignored.
    /// Leftover bits after the last whole byte are discarded (RFC 4648 §3.5 lets decoders choose).
    /// </summary>
    /// <param name="text">The Base32 text.</param>
    /// <returns>The decoded bytes; empty for empty input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">
    /// The text contains a character outside the Base32 alphabet (including <c>=</c> that is not trailing), or its
    /// length (ignoring separators and padding) is 1, 3 or 6 modulo 8, which no byte sequence encodes to.
    /// </exception>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Trailing padding (possibly interleaved with separators) is ignored.
        var end = text.Length;
        while (end > 0 && text[end - 1] is '=' or ' ' or '-')
        {
            end--;
        }

        var symbolCount = 0;
        for (var i = 0; i < end; i++)
        {
            var c = text[i];
            if (c is ' ' or '-')
            {
                continue;
            }

            if (ValueOf(c) < 0)
            {
                throw new FormatException(
                    $"Invalid Base32 character '{DescribeChar(c)}' at position {i.ToString(CultureInfo.InvariantCulture)}; " +
                    "expected A-Z or 2-7 (RFC 4648 §6), optionally separated by spaces or hyphens.");
            }

            symbolCount++;
        }

        if (symbolCount % 8 is 1 or 3 or 6)
        {
            throw new FormatException(
                $"Invalid Base32 length: {symbolCount.ToString(CultureInfo.InvariantCulture)} symbols is not a valid RFC 4648 encoding (it ends part-way through a byte).");
        }

        var output = new byte[symbolCount * 5 / 8];
        var buffer = 0;
        var bitsInBuffer = 0;
        var index = 0;

        for (var i = 0; i < end; i++)
        {
            var c = text[i];
            if (c is ' ' or '-')
            {
                continue;
            }

            buffer = (buffer << 5) | ValueOf(c);
            bitsInBuffer += 5;
            if (bitsInBuffer >= 8)
            {
                bitsInBuffer -= 8;
                output[index++] = (byte)(buffer >> bitsInBuffer);
                buffer &= (1 << bitsInBuffer) - 1;
            }
        }

        return output;
    }

    private static int ValueOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a',
        >= '2' and <= '7' => c - '2' + 26,
        _ => -1,
    };

    private static string DescribeChar(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c)
            ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
            : new string(c, 1);
}

using System.Globalization;

namespace Stipple.Core.Colour;

/// <summary>An 8-bit-per-channel sRGB colour (IEC 61966-2-1), as written in hex: <c>#rrggbb</c>.</summary>
/// <param name="R">Red, 0–255.</param>
/// <param name="G">Green, 0–255.</param>
/// <param name="B">Blue, 0–255.</param>
public readonly record struct Srgb8(byte R, byte G, byte B)
{
    /// <summary>Parses <c>#rrggbb</c> or <c>rrggbb</c> (either case); culture-invariant.</summary>
    public static bool TryParseHex(string? text, out Srgb8 colour)
    {
        colour = default;
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.StartsWith('#'))
        {
            span = span[1..];
        }

        if (span.Length != 6 || !uint.TryParse(span, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        colour = new Srgb8((byte)(value >> 16), (byte)(value >> 8), (byte)value);
        return true;
    }

    /// <summary>Parses hex like <see cref="TryParseHex"/>, throwing <see cref="FormatException"/> when malformed.</summary>
    public static Srgb8 ParseHex(string text) =>
        TryParseHex(text, out var colour) ? colour : throw new FormatException($"'{text}' is not a #rrggbb colour.");

    /// <summary>
    /// <paramref name="text"/> as lower-case <c>#rrggbb</c> when it is a colour, else <paramref name="fallback"/> (a colour
    /// picker needs a value even while the person's text is blank or mistyped).
    /// </summary>
    public static string HexOr(string? text, string fallback) => TryParseHex(text, out var colour) ? colour.ToHex() : fallback;

    /// <summary>Lower-case <c>#rrggbb</c>.</summary>
    public string ToHex() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    /// <inheritdoc />
    public override string ToString() => ToHex();
}

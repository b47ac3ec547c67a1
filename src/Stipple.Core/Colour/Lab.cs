using System.Globalization;

namespace Stipple.Core.Colour;

/// <summary>A CIE 1976 L*a*b* colour relative to the D65 white (CIE 15:2004).</summary>
/// <param name="L">Lightness, 0 (black) to 100 (white).</param>
/// <param name="A">Green (−) to red (+), about −128 to 127 for sRGB colours.</param>
/// <param name="B">Blue (−) to yellow (+), about −128 to 127 for sRGB colours.</param>
public readonly record struct Lab(double L, double A, double B)
{
    /// <summary>The largest |a*| or |b*| Stipple accepts as input (the usual 8-bit Lab range, inclusive).</summary>
    public const double MaxAxis = 128;

    /// <summary>
    /// Which component of an input Lab is out of range, and why: ("l", "must be between 0 and 100.") — or null when
    /// all three are finite and in range. Callers prefix their own field name (e.g. <c>skin.l</c>).
    /// </summary>
    public static (string Component, string Message)? Check(double l, double a, double b)
    {
        if (!double.IsFinite(l) || l < 0 || l > 100)
        {
            return ("l", "must be between 0 and 100.");
        }

        if (!double.IsFinite(a) || Math.Abs(a) > MaxAxis)
        {
            return ("a", string.Create(CultureInfo.InvariantCulture, $"must be between −{MaxAxis} and {MaxAxis}."));
        }

        if (!double.IsFinite(b) || Math.Abs(b) > MaxAxis)
        {
            return ("b", string.Create(CultureInfo.InvariantCulture, $"must be between −{MaxAxis} and {MaxAxis}."));
        }

        return null;
    }

    /// <summary>L*a*b* of a <c>#rrggbb</c> colour; <see cref="FormatException"/> when the text is not one.</summary>
    public static Lab FromHex(string hex) => ColourSpaces.ToLab(Srgb8.ParseHex(hex));

    /// <summary>The nearest 8-bit sRGB colour as <c>#rrggbb</c> (out-of-gamut colours clipped).</summary>
    public string ToHex() => ColourSpaces.ToSrgb8(this).ToHex();

    /// <summary>The same colour in cylindrical form.</summary>
    public Lch ToLch()
    {
        var hue = Math.Atan2(B, A) * 180 / Math.PI;
        return new Lch(L, Math.Sqrt((A * A) + (B * B)), hue < 0 ? hue + 360 : hue);
    }

    /// <summary>"L 52.10 a 3.20 b −1.05", for people.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"L {L:0.0} a {A:0.0} b {B:0.0}");
}

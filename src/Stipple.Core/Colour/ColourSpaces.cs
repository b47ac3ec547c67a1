namespace Stipple.Core.Colour;

/// <summary>
/// sRGB (IEC 61966-2-1, D65) ↔ linear RGB ↔ CIE XYZ ↔ CIE L*a*b* (CIE 15:2004). The RGB→XYZ matrix is derived from
/// the sRGB primaries and the D65 chromaticity (0.3127, 0.3290), and the reference white is that matrix applied to
/// RGB (1, 1, 1), so white maps to L* = 100, a* = b* = 0 exactly.
/// </summary>
public static class ColourSpaces
{
    private const double Epsilon = 216.0 / 24389; // (6/29)³
    private const double Kappa = 24389.0 / 27;    // (29/3)³

    private static readonly double[] ToXyz = RgbToXyzMatrix();
    private static readonly double[] FromXyz = Invert(ToXyz);
    private static readonly double WhiteX = ToXyz[0] + ToXyz[1] + ToXyz[2];
    private static readonly double WhiteY = ToXyz[3] + ToXyz[4] + ToXyz[5];
    private static readonly double WhiteZ = ToXyz[6] + ToXyz[7] + ToXyz[8];

    /// <summary>The sRGB decoding function (IEC 61966-2-1 §5.2): an encoded channel 0–1 to linear light 0–1.</summary>
    public static double ToLinear(double encoded) =>
        encoded <= 0.04045 ? encoded / 12.92 : Math.Pow((encoded + 0.055) / 1.055, 2.4);

    /// <summary>The sRGB encoding function (IEC 61966-2-1 §5.3): linear light 0–1 to an encoded channel 0–1.</summary>
    public static double ToEncoded(double linear) =>
        linear <= 0.0031308 ? linear * 12.92 : (1.055 * Math.Pow(linear, 1 / 2.4)) - 0.055;

    /// <summary>CIE XYZ (Y = 1 for white) of linear RGB.</summary>
    public static (double X, double Y, double Z) LinearToXyz(double r, double g, double b) => (
        (ToXyz[0] * r) + (ToXyz[1] * g) + (ToXyz[2] * b),
        (ToXyz[3] * r) + (ToXyz[4] * g) + (ToXyz[5] * b),
        (ToXyz[6] * r) + (ToXyz[7] * g) + (ToXyz[8] * b));

    /// <summary>Linear RGB of CIE XYZ; out-of-gamut colours give values outside 0–1.</summary>
    public static (double R, double G, double B) XyzToLinear(double x, double y, double z) => (
        (FromXyz[0] * x) + (FromXyz[1] * y) + (FromXyz[2] * z),
        (FromXyz[3] * x) + (FromXyz[4] * y) + (FromXyz[5] * z),
        (FromXyz[6] * x) + (FromXyz[7] * y) + (FromXyz[8] * z));

    /// <summary>L*a*b* of CIE XYZ relative to the D65 white.</summary>
    public static Lab XyzToLab(double x, double y, double z)
    {
        var fx = F(x / WhiteX);
        var fy = F(y / WhiteY);
        var fz = F(z / WhiteZ);
        return new Lab((116 * fy) - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    /// <summary>CIE XYZ of L*a*b*.</summary>
    public static (double X, double Y, double Z) LabToXyz(Lab lab)
    {
        var fy = (lab.L + 16) / 116;
        var fx = fy + (lab.A / 500);
        var fz = fy - (lab.B / 200);
        var yr = lab.L > Kappa * Epsilon ? fy * fy * fy : lab.L / Kappa;
        return (FInverse(fx) * WhiteX, yr * WhiteY, FInverse(fz) * WhiteZ);
    }

    /// <summary>L*a*b* of an 8-bit sRGB colour.</summary>
    public static Lab ToLab(Srgb8 colour)
    {
        var (x, y, z) = LinearToXyz(ToLinear(colour.R / 255.0), ToLinear(colour.G / 255.0), ToLinear(colour.B / 255.0));
        return XyzToLab(x, y, z);
    }

    /// <summary>The nearest 8-bit sRGB colour to <paramref name="lab"/> (channels clipped to 0–255).</summary>
    public static Srgb8 ToSrgb8(Lab lab)
    {
        var (x, y, z) = LabToXyz(lab);
        var (r, g, b) = XyzToLinear(x, y, z);
        return new Srgb8(ToByte(r), ToByte(g), ToByte(b));
    }

    /// <summary>Linear light (clamped to 0–1) → the nearest 8-bit sRGB code.</summary>
    public static byte ToByte(double linear) =>
        (byte)Math.Round(255 * ToEncoded(Math.Clamp(linear, 0, 1)), MidpointRounding.AwayFromZero);

    private static double F(double t) => t > Epsilon ? Math.Cbrt(t) : ((Kappa * t) + 16) / 116;

    private static double FInverse(double f)
    {
        var cube = f * f * f;
        return cube > Epsilon ? cube : ((116 * f) - 16) / Kappa;
    }

    /// <summary>The RGB→XYZ matrix from the sRGB primaries and D65 (the standard derivation, e.g. Lindbloom's).</summary>
    private static double[] RgbToXyzMatrix()
    {
        double[] xs = [0.64, 0.30, 0.15];
        double[] ys = [0.33, 0.60, 0.06];
        const double Wx = 0.3127 / 0.3290;
        const double Wz = (1 - 0.3127 - 0.3290) / 0.3290;
        var primaries = new double[9];
        for (var i = 0; i < 3; i++)
        {
            primaries[i] = xs[i] / ys[i];
            primaries[3 + i] = 1;
            primaries[6 + i] = (1 - xs[i] - ys[i]) / ys[i];
        }

        var inverse = Invert(primaries);
        var s = new[]
        {
            (inverse[0] * Wx) + inverse[1] + (inverse[2] * Wz),
            (inverse[3] * Wx) + inverse[4] + (inverse[5] * Wz),
            (inverse[6] * Wx) + inverse[7] + (inverse[8] * Wz),
        };
        var m = new double[9];
        for (var row = 0; row < 3; row++)
        {
            for (var col = 0; col < 3; col++)
            {
                m[(row * 3) + col] = primaries[(row * 3) + col] * s[col];
            }
        }

        return m;
    }

    private static double[] Invert(double[] m)
    {
        var det = (m[0] * ((m[4] * m[8]) - (m[5] * m[7]))) - (m[1] * ((m[3] * m[8]) - (m[5] * m[6]))) + (m[2] * ((m[3] * m[7]) - (m[4] * m[6])));
        return
        [
            ((m[4] * m[8]) - (m[5] * m[7])) / det, ((m[2] * m[7]) - (m[1] * m[8])) / det, ((m[1] * m[5]) - (m[2] * m[4])) / det,
            ((m[5] * m[6]) - (m[3] * m[8])) / det, ((m[0] * m[8]) - (m[2] * m[6])) / det, ((m[2] * m[3]) - (m[0] * m[5])) / det,
            ((m[3] * m[7]) - (m[4] * m[6])) / det, ((m[1] * m[6]) - (m[0] * m[7])) / det, ((m[0] * m[4]) - (m[1] * m[3])) / det,
        ];
    }
}

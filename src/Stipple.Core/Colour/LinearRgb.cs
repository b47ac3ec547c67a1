namespace Stipple.Core.Colour;

/// <summary>Linear-light sRGB (D65 primaries), each channel 0–1 for in-gamut colours.</summary>
public readonly record struct LinearRgb(double R, double G, double B)
{
    /// <summary>Linear RGB of a Lab colour; out-of-gamut channels are clamped to 0–1.</summary>
    public static LinearRgb Of(Lab lab)
    {
        var (x, y, z) = ColourSpaces.LabToXyz(lab);
        var (r, g, b) = ColourSpaces.XyzToLinear(x, y, z);
        return new LinearRgb(Math.Clamp(r, 0, 1), Math.Clamp(g, 0, 1), Math.Clamp(b, 0, 1));
    }

    public Lab ToLab()
    {
        var (x, y, z) = ColourSpaces.LinearToXyz(R, G, B);
        return ColourSpaces.XyzToLab(x, y, z);
    }
}

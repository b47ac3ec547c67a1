namespace Stipple.Core.Colour;

/// <summary>CIE LCh(ab): L*a*b* in cylindrical form.</summary>
/// <param name="L">Lightness, 0–100.</param>
/// <param name="C">Chroma, √(a² + b²), 0 for greys.</param>
/// <param name="H">Hue angle in degrees, 0 ≤ h &lt; 360 (0 for greys).</param>
public readonly record struct Lch(double L, double C, double H)
{
    public Lab ToLab()
    {
        var radians = H * Math.PI / 180;
        return new Lab(L, C * Math.Cos(radians), C * Math.Sin(radians));
    }
}

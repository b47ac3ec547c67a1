namespace Stipple.Core.Colour;

/// <summary>A CIE 1976 L*a*b* colour relative to the D65 white (CIE 15:2004).</summary>
/// <param name="L">Lightness, 0 (black) to 100 (white).</param>
/// <param name="A">Green (−) to red (+), about −128 to 127 for sRGB colours.</param>
/// <param name="B">Blue (−) to yellow (+), about −128 to 127 for sRGB colours.</param>
public readonly record struct Lab(double L, double A, double B);

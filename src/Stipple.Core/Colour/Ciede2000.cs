namespace Stipple.Core.Colour;

/// <summary>
/// The CIEDE2000 colour difference ΔE00 (CIE 142-2001), implemented as written out by Sharma, Wu &amp; Dalal, "The
/// CIEDE2000 color-difference formula: implementation notes, supplementary test data, and mathematical
/// observations", Color Research &amp; Application 30(1), 2005 — including their notes on hue angles when a chroma is
/// zero and on the mean hue across the 0°/360° seam. Tested against their 34 published pairs.
/// </summary>
public static class Ciede2000
{
    private const double Pow25To7 = 6103515625.0; // 25⁷
    private const double DegreesToRadians = Math.PI / 180;

    /// <summary>ΔE00 between two colours with the parametric factors kL = kC = kH = 1 (reference conditions).</summary>
    public static double Difference(Lab first, Lab second) => Difference(first, second, 1, 1, 1);

    /// <summary>ΔE00 with parametric weighting factors for lightness, chroma and hue (each &gt; 0).</summary>
    public static double Difference(Lab first, Lab second, double kL, double kC, double kH)
    {
        // Step 1: C'ᵢ and h'ᵢ, with a' stretched by G so neutral colours keep their hue behaviour.
        var c1 = Math.Sqrt((first.A * first.A) + (first.B * first.B));
        var c2 = Math.Sqrt((second.A * second.A) + (second.B * second.B));
        var meanC = (c1 + c2) / 2;
        var meanC7 = Pow7(meanC);
        var g = 0.5 * (1 - Math.Sqrt(meanC7 / (meanC7 + Pow25To7)));
        var a1 = (1 + g) * first.A;
        var a2 = (1 + g) * second.A;
        var cp1 = Math.Sqrt((a1 * a1) + (first.B * first.B));
        var cp2 = Math.Sqrt((a2 * a2) + (second.B * second.B));
        var hp1 = Hue(first.B, a1);
        var hp2 = Hue(second.B, a2);

        // Step 2: ΔL', ΔC', ΔH'.
        var deltaL = second.L - first.L;
        var deltaC = cp2 - cp1;
        var productC = cp1 * cp2;
        double deltaHue = 0;
        if (productC != 0)
        {
            deltaHue = hp2 - hp1;
            if (deltaHue > 180)
            {
                deltaHue -= 360;
            }
            else if (deltaHue < -180)
            {
                deltaHue += 360;
            }
        }

        var deltaH = 2 * Math.Sqrt(productC) * Math.Sin(deltaHue * DegreesToRadians / 2);

        // Step 3: the weighting functions.
        var meanL = (first.L + second.L) / 2;
        var meanCp = (cp1 + cp2) / 2;
        double meanHue;
        if (productC == 0)
        {
            meanHue = hp1 + hp2;
        }
        else if (Math.Abs(hp1 - hp2) <= 180)
        {
            meanHue = (hp1 + hp2) / 2;
        }
        else
        {
            meanHue = hp1 + hp2 < 360 ? (hp1 + hp2 + 360) / 2 : (hp1 + hp2 - 360) / 2;
        }

        var t = 1
            - (0.17 * Math.Cos((meanHue - 30) * DegreesToRadians))
            + (0.24 * Math.Cos(2 * meanHue * DegreesToRadians))
            + (0.32 * Math.Cos(((3 * meanHue) + 6) * DegreesToRadians))
            - (0.20 * Math.Cos(((4 * meanHue) - 63) * DegreesToRadians));
        var deltaTheta = 30 * Math.Exp(-Math.Pow((meanHue - 275) / 25, 2));
        var meanCp7 = Pow7(meanCp);
        var rc = 2 * Math.Sqrt(meanCp7 / (meanCp7 + Pow25To7));
        var lMinus50Squared = (meanL - 50) * (meanL - 50);
        var sl = 1 + (0.015 * lMinus50Squared / Math.Sqrt(20 + lMinus50Squared));
        var sc = 1 + (0.045 * meanCp);
        var sh = 1 + (0.015 * meanCp * t);
        var rt = -Math.Sin(2 * deltaTheta * DegreesToRadians) * rc;

        var termL = deltaL / (kL * sl);
        var termC = deltaC / (kC * sc);
        var termH = deltaH / (kH * sh);
        return Math.Sqrt((termL * termL) + (termC * termC) + (termH * termH) + (rt * termC * termH));
    }

    private static double Pow7(double x)
    {
        var x2 = x * x;
        return x2 * x2 * x2 * x;
    }

    /// <summary>Hue angle in degrees, 0 ≤ h &lt; 360; 0 when both components are 0 (Sharma et al., eq. 4).</summary>
    private static double Hue(double b, double a)
    {
        if (a == 0 && b == 0)
        {
            return 0;
        }

        var h = Math.Atan2(b, a) / DegreesToRadians;
        return h < 0 ? h + 360 : h;
    }
}

namespace Stipple.Core.Colour;

/// <summary>
/// Measures hair or skin colour from the pixels of a photo region: each pixel to L*a*b*, then the brightest share
/// (specular highlights on oily skin or shiny hair), the darkest share (shadows, pores, gaps between hairs) and any
/// clipped pixel are dropped by L*, and the median of what is left is taken per component. Medians ignore the odd
/// stray pixel; trimming by L* first keeps highlights from pulling a* and b* toward grey.
/// </summary>
public static class ColourMeasurement
{
    /// <summary>The fewest pixels worth measuring (a 4 × 4 region).</summary>
    public const int MinPixels = 16;

    /// <summary>The most pixels accepted (a 1024 × 1024 region); the browser samples larger regions down.</summary>
    public const int MaxPixels = 1024 * 1024;

    /// <summary>The brightest share dropped as highlights.</summary>
    public const double BrightShare = 0.10;

    /// <summary>The darkest share dropped as shadows.</summary>
    public const double DarkShare = 0.05;

    /// <summary>Pixels at or above this L* are clipped highlights and always dropped.</summary>
    public const double ClippedL = 98;

    /// <summary>
    /// Measures packed 8-bit sRGB pixels (3 bytes per pixel, R G B). Returns the result, or an error message (without
    /// a field name) when there are too few or too many pixels or the bytes are not whole pixels.
    /// </summary>
    public static MeasurementResult Measure(ReadOnlySpan<byte> rgb)
    {
        if (rgb.Length % 3 != 0)
        {
            return MeasurementResult.Fail("must hold whole pixels: 3 bytes (R, G, B) each.");
        }

        var count = rgb.Length / 3;
        if (count < MinPixels)
        {
            return MeasurementResult.Fail($"needs at least {MinPixels} pixels; draw a larger region.");
        }

        if (count > MaxPixels)
        {
            return MeasurementResult.Fail($"may hold at most {MaxPixels:N0} pixels; sample the region down first.");
        }

        var labs = new Lab[count];
        for (var i = 0; i < count; i++)
        {
            labs[i] = ColourSpaces.ToLab(new Srgb8(rgb[3 * i], rgb[(3 * i) + 1], rgb[(3 * i) + 2]));
        }

        // Trim by rank: the darkest and brightest shares go whatever their values, then anything clipped.
        Array.Sort(labs, static (x, y) => x.L.CompareTo(y.L));
        var dark = (int)Math.Floor(DarkShare * count);
        var brightFrom = count - (int)Math.Floor(BrightShare * count);
        var kept = new List<Lab>(brightFrom - dark);
        for (var i = dark; i < brightFrom && labs[i].L < ClippedL; i++)
        {
            kept.Add(labs[i]);
        }

        var bright = count - dark - kept.Count;
        if (kept.Count < MinPixels / 2)
        {
            return MeasurementResult.Fail("is almost all highlight or shadow; choose an evenly lit region.");
        }

        var median = new Lab(
            Median(kept.Select(l => l.L).ToArray()),
            Median(kept.Select(l => l.A).ToArray()),
            Median(kept.Select(l => l.B).ToArray()));
        return new MeasurementResult(median, kept.Count, bright, dark, null);
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}

/// <summary>A measured colour, with how many pixels were used and dropped; or <see cref="Error"/>.</summary>
public sealed record MeasurementResult(Lab Colour, int Used, int DroppedBright, int DroppedDark, string? Error)
{
    public bool Succeeded => Error is null;

    internal static MeasurementResult Fail(string error) => new(default, 0, 0, 0, error);
}

using System.Globalization;
using Stipple.Core.Colour;
using Stipple.Core.Design;

namespace Stipple.Core.Rendering;

/// <summary>
/// The maths of <see cref="LookParameters"/> applied to one design and one set of options, shared by the raster and
/// SVG writers so both draw the same dots: one diameter scale and edge width for the look, and one colour and opacity
/// per (session, zone).
/// </summary>
internal sealed class LookModel
{
    private readonly Appearance?[] table;
    private readonly int zoneCount;
    private readonly int sessionCount;

    public LookModel(DesignDocument design, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(options);
        var p = options.Parameters;
        var years = options.Look == Look.Aged ? options.Years : 0;
        double colourScale = 1;
        double fade = 1;
        switch (options.Look)
        {
            case Look.Fresh:
                DiameterScale = p.FreshDiameterScale;
                EdgeMm = p.FreshEdgeMm;
                colourScale = p.FreshColourScale;
                break;
            case Look.Aged:
                DiameterScale = 1 + (p.AgedDiameterGrowth * Math.Min(years / p.AgedGrowthYears, 1));
                EdgeMm = p.HealedEdgeMm + (p.AgedEdgePerYearMm * years);
                fade = Math.Pow(p.AgedStrengthPerYear, years);
                break;
            default:
                DiameterScale = 1;
                EdgeMm = p.HealedEdgeMm;
                break;
        }

        ScatterMm = p.ScatterMm;
        ScatterOpacity = p.ScatterOpacity;
        var strengths = design.Sessions.ShadeStrength;
        var zones = design.Zones;
        zoneCount = zones.Count;
        sessionCount = Math.Max(strengths.Count, 1);
        table = new Appearance?[sessionCount * zoneCount];
        for (var z = 0; z < zoneCount; z++)
        {
            if (!Srgb8.TryParseHex(zones[z].Shade, out var shade))
            {
                continue;
            }

            var r = ColourSpaces.ToLinear(shade.R / 255.0) * colourScale;
            var g = ColourSpaces.ToLinear(shade.G / 255.0) * colourScale;
            var b = ColourSpaces.ToLinear(shade.B / 255.0) * colourScale;
            var colour = new Srgb8(ColourSpaces.ToByte(r), ColourSpaces.ToByte(g), ColourSpaces.ToByte(b));
            for (var s = 0; s < sessionCount; s++)
            {
                var strength = strengths.Count == 0 ? 1 : strengths[s];
                var opacity = Math.Clamp(strength * fade, 0, 1);
                table[(s * zoneCount) + z] = new Appearance((float)r, (float)g, (float)b, (float)opacity, colour);
            }
        }
    }

    /// <summary>Drawn diameter over the dot's healed diameter.</summary>
    public double DiameterScale { get; }

    /// <summary>Width of the soft edge in mm, centred on the drawn radius.</summary>
    public double EdgeMm { get; }

    /// <summary>How far the scatter shadow reaches beyond the dot's edge (mm); 0 for none.</summary>
    public double ScatterMm { get; }

    /// <summary>The scatter shadow's opacity relative to the dot's.</summary>
    public double ScatterOpacity { get; }

    /// <summary>True when dots get a scatter shadow.</summary>
    public bool HasScatter => ScatterMm > 0 && ScatterOpacity > 0;

    /// <summary>
    /// The colour and opacity of a dot of <paramref name="session"/> in <paramref name="zone"/>. Sessions past the
    /// plan's strength list take its last strength.
    /// </summary>
    /// <exception cref="ArgumentException">The zone does not exist, has no valid shade, or the session is 0.</exception>
    public Appearance Get(int session, int zone)
    {
        if (session < 1)
        {
            throw BadInput("A dot has session 0; sessions are 1-based.", "dots");
        }

        if (zone >= zoneCount)
        {
            throw BadInput(string.Create(CultureInfo.InvariantCulture, $"A dot refers to zone {zone}, but the design has {zoneCount} zones."), "dots");
        }

        return table[((Math.Min(session, sessionCount) - 1) * zoneCount) + zone]
            ?? throw BadInput(string.Create(CultureInfo.InvariantCulture, $"Zone {zone} has dots but its shade is not a #rrggbb colour."), "design");
    }

    // ParamName is the argument of the public Render/Write call that holds the bad data, not a parameter of Get.
    private static ArgumentException BadInput(string message, string argument) => new(message, argument);

    /// <summary>What one (session, zone) pair looks like.</summary>
    /// <param name="R">Red in linear light, 0–1.</param>
    /// <param name="G">Green in linear light, 0–1.</param>
    /// <param name="B">Blue in linear light, 0–1.</param>
    /// <param name="Opacity">Opacity at the dot's centre, 0–1.</param>
    /// <param name="Colour">The same colour sRGB-encoded (for SVG).</param>
    internal sealed record Appearance(float R, float G, float B, float Opacity, Srgb8 Colour);
}

using System.Globalization;

namespace Stipple.Core.Rendering;

/// <summary>
/// How each <see cref="Look"/> turns a placed dot (healed diameter, zone shade, session strength) into what is drawn:
/// a disc with a diameter, a colour, an opacity and a soft edge. Section numbers (§) refer to the domain fact sheet
/// (smp-facts); "heuristic" marks numbers no source gives, chosen to look plausible and kept here so
/// a studio can tune them. All lengths are millimetres on the scalp map.
/// </summary>
/// <remarks>
/// <para>
/// The common model: a dot of zone shade <c>S</c> (sRGB, decoded to linear light) placed in session <c>k</c> is a
/// layer of colour <c>S</c> and opacity <c>strength(k)</c> (<c>SessionPlanSpec.ShadeStrength</c>, session 1 lighter,
/// §5.3, §13.3), composited "over" the skin in linear light. Its opacity falls linearly to zero across an edge band of
/// the given width centred on the nominal radius, which keeps the dot's ink (area × opacity) the same as a crisp disc
/// to within <c>width² / 12r²</c>.
/// </para>
/// <para>
/// <see cref="Look.Healed"/>: the dot's own diameter (0.10–0.15 mm typical, §3.4, §13.2), colour <c>S</c>, opacity
/// <c>strength(k)</c>, edge <see cref="HealedEdgeMm"/>.
/// </para>
/// <para>
/// <see cref="Look.Fresh"/>: diameter × <see cref="FreshDiameterScale"/>, colour <c>S</c> × <see cref="FreshColourScale"/>
/// in linear light (darker), opacity <c>strength(k)</c>, edge <see cref="FreshEdgeMm"/>.
/// </para>
/// <para>
/// <see cref="Look.Aged"/> after <c>t</c> years: diameter × (1 + <see cref="AgedDiameterGrowth"/> ×
/// min(t / <see cref="AgedGrowthYears"/>, 1)), colour <c>S</c>, opacity <c>strength(k)</c> ×
/// <see cref="AgedStrengthPerYear"/>^t, edge <see cref="HealedEdgeMm"/> + <see cref="AgedEdgePerYearMm"/> × t.
/// At <c>t = 0</c> it equals <see cref="Look.Healed"/>.
/// </para>
/// <para>
/// Every look also draws, under each dot, a soft shadow reaching <see cref="ScatterMm"/> beyond its edge at
/// <see cref="ScatterOpacity"/> of its opacity: light scattered in the skin around the pigment.
/// </para>
/// </remarks>
public sealed record LookParameters
{
    private readonly double healedEdgeMm = 0.02;
    private readonly double freshDiameterScale = 1.8;
    private readonly double freshColourScale = 0.6;
    private readonly double freshEdgeMm = 0.04;
    private readonly double agedStrengthPerYear = 0.9;
    private readonly double agedDiameterGrowth = 0.1;
    private readonly double agedGrowthYears = 1;
    private readonly double agedEdgePerYearMm = 0.005;
    private readonly double scatterMm = 0.15;
    private readonly double scatterOpacity = 0.5;

    /// <summary>The defaults documented on each property.</summary>
    public static LookParameters Default { get; } = new();

    /// <summary>
    /// Width of a healed dot's soft edge in mm (0–0.2; default 0.02). Heuristic: healed SMP dots are described as
    /// crisp when placed at the right depth (§3.4, §5.4), so the edge is a fraction of the 0.10–0.15 mm diameter.
    /// </summary>
    public double HealedEdgeMm
    {
        get => healedEdgeMm;
        init => healedEdgeMm = Check(value, 0, 0.2, nameof(HealedEdgeMm));
    }

    /// <summary>
    /// Fresh diameter over healed diameter (1–3; default 1.8). §3.4: a fresh dot is up to about 0.25 mm and settles at
    /// 0.10–0.15 mm; punctures shrink about 50% on healing. 0.25 / 0.14 ≈ 1.8, and 0.12 mm × 1.8 = 0.22 mm.
    /// </summary>
    public double FreshDiameterScale
    {
        get => freshDiameterScale;
        init => freshDiameterScale = Check(value, 1, 3, nameof(FreshDiameterScale));
    }

    /// <summary>
    /// Multiplier on the shade's linear-light RGB for fresh dots (0.1–1; default 0.6, darker). §5.3: fresh work looks
    /// darker and sharper and heals "2–3 shades lighter"; no source puts a number on a shade, so 0.6 (about 40% less
    /// light reflected, roughly two to three visible steps of a dilution chart) is a heuristic.
    /// </summary>
    public double FreshColourScale
    {
        get => freshColourScale;
        init => freshColourScale = Check(value, 0.1, 1, nameof(FreshColourScale));
    }

    /// <summary>
    /// Width of a fresh dot's soft edge in mm (0–0.2; default 0.04): a slight halo of pigment and reddened skin around
    /// the puncture. Heuristic; §5.3 says fresh work "softens" over 1–2 weeks, so the halo is a little wider than the
    /// healed edge while the darker core keeps the fresh look sharp.
    /// </summary>
    public double FreshEdgeMm
    {
        get => freshEdgeMm;
        init => freshEdgeMm = Check(value, 0, 0.2, nameof(FreshEdgeMm));
    }

    /// <summary>
    /// Fraction of opacity kept per year for aged dots (0.5–1; default 0.9, compounded: 0.9⁵ ≈ 0.59). Heuristic: no
    /// numeric fading rate was found (§12); the default makes a dot about a third lighter after the 3–5 years at which
    /// clinics advise a touch-up (§5.5). Liu 2025's density score fell about 11% in the first 6 months (§5.5), which
    /// includes healing and is faster.
    /// </summary>
    public double AgedStrengthPerYear
    {
        get => agedStrengthPerYear;
        init => agedStrengthPerYear = Check(value, 0.5, 1, nameof(AgedStrengthPerYear));
    }

    /// <summary>
    /// Relative growth of an aged dot's diameter (0–0.5; default 0.1, i.e. 10% larger). §3.4 says dots "expand
    /// slightly over 6–12 months" without a figure; 10% is a heuristic.
    /// </summary>
    public double AgedDiameterGrowth
    {
        get => agedDiameterGrowth;
        init => agedDiameterGrowth = Check(value, 0, 0.5, nameof(AgedDiameterGrowth));
    }

    /// <summary>Years over which <see cref="AgedDiameterGrowth"/> is reached, linearly (0.1–5; default 1; §3.4, "6–12 months").</summary>
    public double AgedGrowthYears
    {
        get => agedGrowthYears;
        init => agedGrowthYears = Check(value, 0.1, 5, nameof(AgedGrowthYears));
    }

    /// <summary>
    /// Extra edge width per year for aged dots, in mm (0–0.05; default 0.005, so 0.06 mm more after 12 years).
    /// Heuristic: slow blurring of the pigment border; §4.4 names migration and blurring as what goes wrong, but
    /// gives no rate for well-placed dots.
    /// </summary>
    public double AgedEdgePerYearMm
    {
        get => agedEdgePerYearMm;
        init => agedEdgePerYearMm = Check(value, 0, 0.05, nameof(AgedEdgePerYearMm));
    }

    /// <summary>
    /// How far (mm, 0–0.5; default 0.15) the soft shadow around every dot reaches beyond its edge. The pigment is seen
    /// through the skin (§5.2), which scatters light, so a 0.12 mm dot reads as a soft stubble shadow about 0.3–0.4 mm
    /// across (§5.4: black seen through skin). Heuristic: no measured figure was found. Applies to every look.
    /// </summary>
    public double ScatterMm
    {
        get => scatterMm;
        init => scatterMm = Check(value, 0, 0.5, nameof(ScatterMm));
    }

    /// <summary>
    /// Opacity of that shadow relative to the dot's (0–1; default 0.5). Heuristic, chosen so that a healed head at
    /// 100/cm² reads as a shaved-stubble shade from a distance rather than bare skin; 0 draws crisp dots only.
    /// </summary>
    public double ScatterOpacity
    {
        get => scatterOpacity;
        init => scatterOpacity = Check(value, 0, 1, nameof(ScatterOpacity));
    }

    private static double Check(double value, double min, double max, string name) =>
        double.IsFinite(value) && value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(
                name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min} and {max}."));
}

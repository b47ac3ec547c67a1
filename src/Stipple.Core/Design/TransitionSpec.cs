namespace Stipple.Core.Design;

/// <summary>
/// The feathered band behind the hairline (smp-facts §2.4, §13.2): density ramps smoothly from
/// <see cref="StartFraction"/> of the zone's density at the hairline to all of it <see cref="DepthMm"/> behind,
/// along a front that wanders by up to <see cref="IrregularityMm"/>, with sentinel dots scattered just ahead.
/// </summary>
public sealed record TransitionSpec
{
    /// <summary>Depth of the band in mm (5–10; default 7).</summary>
    public double DepthMm { get; init; } = 7;

    /// <summary>Density at the front of the band as a fraction of the zone's (0.3–0.5; default 0.4).</summary>
    public double StartFraction { get; init; } = 0.4;

    /// <summary>How far the band's front wanders ahead of and behind the drawn line, mm (0–3; default 1.5).</summary>
    public double IrregularityMm { get; init; } = 1.5;

    /// <summary>Sentinel dots ahead of the line per 10 mm of hairline (0–5; default 1.5).</summary>
    public double SentinelsPer10Mm { get; init; } = 1.5;
}

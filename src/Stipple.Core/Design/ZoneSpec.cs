namespace Stipple.Core.Design;

/// <summary>A named area of the scalp with its own density, dot size and shade.</summary>
public sealed record ZoneSpec
{
    /// <summary>Smallest target density a zone may ask for (impressions/cm²).</summary>
    public const double MinDensityPerCm2 = 20;

    /// <summary>Largest target density a zone may ask for (impressions/cm²).</summary>
    public const double MaxDensityPerCm2 = 150;

    /// <summary>Default density at completion: about 1 impression per mm² (smp-facts §3.3, §13.2).</summary>
    public const double DefaultDensityPerCm2 = 100;

    /// <summary>Smallest healed dot diameter (mm).</summary>
    public const double MinDotDiameterMm = 0.05;

    /// <summary>Largest healed dot diameter (mm).</summary>
    public const double MaxDotDiameterMm = 0.35;

    /// <summary>Default healed dot diameter (mm): healed SMP dots settle at 0.10–0.15 mm (smp-facts §3.4, §13.2).</summary>
    public const double DefaultDotDiameterMm = 0.12;

    /// <summary>Default healed shade: a neutral dark grey-brown of diluted carbon pigment seen through skin.</summary>
    public const string DefaultShade = "#3a3431";

    /// <summary>Shown in reports and editors (1–60 characters).</summary>
    public string Name { get; init; } = "";

    /// <summary>What the zone is for.</summary>
    public ZoneKind Kind { get; init; } = ZoneKind.Frontal;

    /// <summary>A simple closed polygon (3–256 vertices, not repeated at the end, no self-intersections) on the map.</summary>
    public IReadOnlyList<MapPoint> Polygon { get; init; } = [];

    /// <summary>Target density at completion, impressions per cm² (20–150). Ignored for exclusions.</summary>
    public double DensityPerCm2 { get; init; } = DefaultDensityPerCm2;

    /// <summary>Healed dot diameter in mm (0.05–0.35). Ignored for exclusions.</summary>
    public double DotDiameterMm { get; init; } = DefaultDotDiameterMm;

    /// <summary>Healed dot colour as sRGB hex (<c>#rrggbb</c>). Ignored for exclusions.</summary>
    public string Shade { get; init; } = DefaultShade;
}

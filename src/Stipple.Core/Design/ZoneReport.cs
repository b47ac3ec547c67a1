namespace Stipple.Core.Design;

/// <summary>One zone in a <see cref="DesignReport"/>.</summary>
/// <param name="Name">The zone's name.</param>
/// <param name="Kind">What it is for.</param>
/// <param name="AreaCm2">Area that takes dots: behind the band's front, minus later zones and exclusions over it.</param>
/// <param name="InteriorAreaCm2">Part of the area ≥ 3 mm from its edges and behind the transition band.</param>
/// <param name="TargetDensityPerCm2">Target at completion (0 for exclusions).</param>
/// <param name="AchievedDensityPerCm2">Dots per cm² measured in the interior.</param>
/// <param name="Dots">Dots in the zone, all sessions.</param>
public sealed record ZoneReport(string Name, ZoneKind Kind, double AreaCm2, double InteriorAreaCm2, double TargetDensityPerCm2, double AchievedDensityPerCm2, int Dots);

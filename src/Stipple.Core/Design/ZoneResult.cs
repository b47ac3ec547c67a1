namespace Stipple.Core.Design;

/// <summary>What the engine placed in one zone.</summary>
/// <param name="Index">Index in <see cref="DesignDocument.Zones"/>.</param>
/// <param name="AreaCm2">Visible area: the polygon minus later zones and exclusions covering it, and minus what lies ahead of the hairline.</param>
/// <param name="InteriorAreaCm2">The part of the area away from its edges and behind the transition band, where density is uniform.</param>
/// <param name="Dots">Dots in the zone, all sessions.</param>
/// <param name="InteriorDots">Dots in the interior, all sessions.</param>
/// <param name="TargetDensityPerCm2">The zone's target density at completion.</param>
public sealed record ZoneResult(int Index, double AreaCm2, double InteriorAreaCm2, int Dots, int InteriorDots, double TargetDensityPerCm2)
{
    /// <summary>Dots per cm² in the interior, or 0 when the zone has no interior.</summary>
    public double AchievedDensityPerCm2 => InteriorAreaCm2 > 0 ? InteriorDots / InteriorAreaCm2 : 0;
}

namespace Stipple.Core.Design;

/// <summary>Quality figures in a <see cref="DesignReport"/>.</summary>
/// <param name="MinimumDistanceRatio">Smallest over neighbouring dot pairs of distance ÷ (β/√ρ), capped at 1.25; at least 1 means the distance rule holds everywhere.</param>
/// <param name="MinimumDistanceFactor">β of the distance rule (mm·√(dots/mm²)).</param>
/// <param name="Coverage">Share of the zones' interiors with a dot within one nominal spacing 1/√ρ: 1 means no bald patch.</param>
public sealed record QualityReport(double MinimumDistanceRatio, double MinimumDistanceFactor, double Coverage);

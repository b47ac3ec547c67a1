namespace Stipple.Core.Design;

/// <summary>One session in a <see cref="DesignReport"/>.</summary>
/// <param name="Session">1-based.</param>
/// <param name="Dots">Impressions this session adds.</param>
/// <param name="CumulativeDots">Impressions after this session.</param>
/// <param name="CumulativeShare">The ramp: share of the final density reached after this session.</param>
/// <param name="ShadeStrength">Pigment strength of this session relative to the zone shades.</param>
/// <param name="EstimatedMinutes">Dots ÷ impressions per minute, rounded; needling time only, without breaks.</param>
public sealed record SessionReport(int Session, int Dots, int CumulativeDots, double CumulativeShare, double ShadeStrength, double EstimatedMinutes);

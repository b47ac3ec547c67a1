namespace Stipple.Core.Design;

/// <summary>
/// The hairline: a smooth open curve (centripetal Catmull–Rom) through <see cref="Points"/>, ordered from one side
/// of the head to the other. Dots go behind it (larger y); a few sentinel dots fall just ahead of it.
/// </summary>
public sealed record HairlineSpec
{
    /// <summary>Which rules check the mid-frontal point.</summary>
    public HairlineStyle Style { get; init; } = HairlineStyle.Male;

    /// <summary>Control points (3–32), x strictly increasing, on the map.</summary>
    public IReadOnlyList<MapPoint> Points { get; init; } = [];
}

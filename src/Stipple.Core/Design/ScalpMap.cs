namespace Stipple.Core.Design;

/// <summary>
/// The canonical frame every design is drawn in: a flattened, top-down map of the scalp in millimetres
/// (DESIGN.md "The design engine"). The glabella is the origin; <c>y</c> grows backwards over the scalp,
/// <c>x</c> outwards from the midline. Lengths on the map are lengths along the scalp, so areas are real cm².
/// </summary>
public static class ScalpMap
{
    /// <summary>Leftmost x a design may use (mm).</summary>
    public const double MinX = -170;

    /// <summary>Rightmost x a design may use (mm).</summary>
    public const double MaxX = 170;

    /// <summary>Smallest y a design may use (mm): the glabella.</summary>
    public const double MinY = 0;

    /// <summary>Largest y a design may use (mm): about the nape, glabella to nape over the top of the head.</summary>
    public const double MaxY = 340;

    /// <summary>
    /// Distance of the lateral canthus line from the midline on the map (mm). The frontotemporal angle sits on this
    /// line (smp-facts §2.3); the templates use it. A map convention measured along the forehead's curve.
    /// </summary>
    public const double LateralCanthusX = 52;

    /// <summary>True when <paramref name="point"/> lies on the map.</summary>
    public static bool Contains(MapPoint point) =>
        point.X is >= MinX and <= MaxX && point.Y is >= MinY and <= MaxY;
}

namespace Stipple.Core.Design;

/// <summary>
/// The four landmarks whose positions on a photo fix its alignment with the scalp map (issue 6 contract, "Landmarks and
/// alignment"). Their map positions are fixed conventions, not measurements of the client: a photo's projective
/// transform is solved from where the practitioner puts them (<c>Rendering.PhotoAlignment</c>).
/// </summary>
/// <remarks>
/// Heuristics: the temporal points are about 14.3 cm apart (smp-facts §2.1, Korean women; §2.3 for where the points
/// are), rounded to ±72 mm, and sit at y = 90 mm, just behind the default mid-frontal point at 80 mm (§2.1). The vertex
/// is taken about halfway along the glabella–nape arc of the map (<see cref="ScalpMap.MaxY"/> = 340 mm), at 180 mm.
/// </remarks>
public static class AlignmentLandmarks
{
    /// <summary>How far behind the vertex (mm) a front photo still shows dots: beyond it they are behind the top of the head.</summary>
    public const double FrontViewMarginMm = 10;

    /// <summary>The glabella, between the eyebrows: the map's origin (0, 0) mm.</summary>
    public static MapPoint Glabella { get; } = new(0, 0);

    /// <summary>The client's right temporal point, (−72, 90) mm (the client's right is negative x).</summary>
    public static MapPoint RightTemporal { get; } = new(-72, 90);

    /// <summary>The client's left temporal point, (72, 90) mm.</summary>
    public static MapPoint LeftTemporal { get; } = new(72, 90);

    /// <summary>The vertex, the top of the head, (0, 180) mm.</summary>
    public static MapPoint Vertex { get; } = new(0, 180);

    /// <summary>
    /// The middle of the four landmarks, (0, 90) mm: an alignment must keep its orientation here as well as at each
    /// landmark (see <c>Rendering.PhotoAlignment</c>).
    /// </summary>
    public static MapPoint Centre { get; } = new(0, 90);

    /// <summary>
    /// Largest map y (mm) drawn on a front photo: <see cref="Vertex"/>.Y + <see cref="FrontViewMarginMm"/> = 190 mm.
    /// </summary>
    public static double FrontViewMaxY => Vertex.Y + FrontViewMarginMm;

    /// <summary>The landmarks in their fixed order: glabella, right temple, left temple, vertex.</summary>
    public static IReadOnlyList<AlignmentLandmark> All { get; } =
    [
        new("glabella", "Glabella", Glabella),
        new("rightTemporal", "Right temple", RightTemporal),
        new("leftTemporal", "Left temple", LeftTemporal),
        new("vertex", "Vertex", Vertex),
    ];
}

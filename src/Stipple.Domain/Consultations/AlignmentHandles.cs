namespace Stipple.Domain;

/// <summary>
/// Where the four alignment landmarks of the scalp map (glabella, right temporal, left temporal, vertex) sit on a photo,
/// in normalised display coordinates: the photo as shown (EXIF orientation applied), (0, 0) its top-left corner and
/// (1, 1) its bottom-right; handles may sit off the photo, within [-1, 2]. The feature that accepts an alignment checks
/// the rules (spacing, no folded quadrilateral); this only holds the eight numbers.
/// </summary>
public sealed record AlignmentHandles(
    double GlabellaX,
    double GlabellaY,
    double RightTemporalX,
    double RightTemporalY,
    double LeftTemporalX,
    double LeftTemporalY,
    double VertexX,
    double VertexY)
{
    /// <summary>How many numbers an alignment is stored as.</summary>
    public const int Length = 8;

    /// <summary>The eight numbers in stored order: glabella x, y; right temporal x, y; left temporal x, y; vertex x, y.</summary>
    public double[] ToArray() => [GlabellaX, GlabellaY, RightTemporalX, RightTemporalY, LeftTemporalX, LeftTemporalY, VertexX, VertexY];

    /// <summary>The handles from their eight stored numbers (<see cref="ToArray"/>'s order).</summary>
    public static AlignmentHandles FromArray(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != Length)
        {
            throw new ArgumentException($"An alignment has {Length} numbers, not {values.Count}.", nameof(values));
        }

        return new(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Stipple.Core.Design;

namespace Stipple.Core.Rendering;

/// <summary>
/// Where the four <see cref="AlignmentLandmarks"/> sit on a photo as shown, in <see cref="NormalisedPoint"/>s (each
/// coordinate in [−1, 2], so a handle may sit a little beyond the photo's edge). Built only by <see cref="TryCreate(NormalisedPoint, NormalisedPoint, NormalisedPoint, NormalisedPoint, int, int, IList{ValueTuple{string, string}})"/>,
/// which applies the issue 6 contract's refusal rules, so every instance gives a usable <see cref="Homography"/>.
/// </summary>
public sealed record PhotoAlignment
{
    /// <summary>Smallest normalised coordinate of a handle.</summary>
    public const double MinCoordinate = -1;

    /// <summary>Largest normalised coordinate of a handle.</summary>
    public const double MaxCoordinate = 2;

    /// <summary>Closest two handles may be, as a fraction of the displayed image's diagonal.</summary>
    public const double MinSeparation = 0.02;

    /// <summary>Numbers in the stored form (<see cref="ToArray"/>): x and y of each landmark in order.</summary>
    public const int ValueCount = 8;

    private const string Crossed = "The handles cross over each other, which would fold the design over itself; going glabella, "
        + "right temple, vertex, left temple should trace round the head without crossing.";

    private PhotoAlignment(NormalisedPoint glabella, NormalisedPoint rightTemporal, NormalisedPoint leftTemporal, NormalisedPoint vertex)
    {
        Glabella = glabella;
        RightTemporal = rightTemporal;
        LeftTemporal = leftTemporal;
        Vertex = vertex;
    }

    /// <summary>Where <see cref="AlignmentLandmarks.Glabella"/> is on the photo.</summary>
    public NormalisedPoint Glabella { get; }

    /// <summary>Where <see cref="AlignmentLandmarks.RightTemporal"/> is on the photo.</summary>
    public NormalisedPoint RightTemporal { get; }

    /// <summary>Where <see cref="AlignmentLandmarks.LeftTemporal"/> is on the photo.</summary>
    public NormalisedPoint LeftTemporal { get; }

    /// <summary>Where <see cref="AlignmentLandmarks.Vertex"/> is on the photo.</summary>
    public NormalisedPoint Vertex { get; }

    /// <summary>
    /// Checks four handle positions on a photo displayed at <paramref name="displayWidth"/> × <paramref name="displayHeight"/>
    /// pixels and returns the alignment, or <see langword="null"/> with the problems added to <paramref name="errors"/>
    /// under these fields:
    /// <list type="bullet">
    /// <item><c>glabella.x</c>, <c>vertex.y</c>, …: a coordinate that is not a finite number in [−1, 2];</item>
    /// <item><c>glabella</c>, <c>rightTemporal</c>, <c>leftTemporal</c>, <c>vertex</c>: the later handle (in that order) of
    /// two closer than 2% of the image's diagonal;</item>
    /// <item><c>alignment</c>: no non-singular homography exists, or it does not keep one orientation (the sign of its
    /// Jacobian determinant) at all four landmarks and at <see cref="AlignmentLandmarks.Centre"/>: a folded or crossed
    /// quadrilateral.</item>
    /// </list>
    /// Each rule is checked only when the ones before it pass.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A display side is not 1–<see cref="RgbaImage.MaxSide"/> pixels.</exception>
    public static PhotoAlignment? TryCreate(
        NormalisedPoint glabella,
        NormalisedPoint rightTemporal,
        NormalisedPoint leftTemporal,
        NormalisedPoint vertex,
        int displayWidth,
        int displayHeight,
        IList<(string Field, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        CheckSide(displayWidth, nameof(displayWidth));
        CheckSide(displayHeight, nameof(displayHeight));
        NormalisedPoint[] handles = [glabella, rightTemporal, leftTemporal, vertex];
        var landmarks = AlignmentLandmarks.All;
        var before = errors.Count;

        for (var i = 0; i < handles.Length; i++)
        {
            CheckCoordinate(handles[i].X, landmarks[i], "x", errors);
            CheckCoordinate(handles[i].Y, landmarks[i], "y", errors);
        }

        if (errors.Count > before)
        {
            return null;
        }

        var diagonal = Math.Sqrt(((double)displayWidth * displayWidth) + ((double)displayHeight * displayHeight));
        for (var j = 1; j < handles.Length; j++)
        {
            for (var i = 0; i < j; i++)
            {
                var dx = (handles[j].X - handles[i].X) * displayWidth;
                var dy = (handles[j].Y - handles[i].Y) * displayHeight;
                if (Math.Sqrt((dx * dx) + (dy * dy)) < MinSeparation * diagonal)
                {
                    errors.Add((landmarks[j].Key, $"The {Name(landmarks[j])} handle is on top of the {Name(landmarks[i])} handle; drag them apart."));
                }
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        var alignment = new PhotoAlignment(glabella, rightTemporal, leftTemporal, vertex);
        if (!alignment.TrySolve(displayWidth, displayHeight, out _, out var problem))
        {
            errors.Add(("alignment", problem));
            return null;
        }

        return alignment;
    }

    /// <summary>
    /// The same from the stored form: <see cref="ValueCount"/> numbers, x and y of the glabella, right temple, left
    /// temple and vertex (a wrong count is reported under <c>alignment</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A display side is not 1–<see cref="RgbaImage.MaxSide"/> pixels.</exception>
    public static PhotoAlignment? TryCreate(ReadOnlySpan<double> values, int displayWidth, int displayHeight, IList<(string Field, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (values.Length != ValueCount)
        {
            errors.Add(("alignment", string.Create(CultureInfo.InvariantCulture, $"An alignment is {ValueCount} numbers (x and y of each handle); got {values.Length}.")));
            return null;
        }

        return TryCreate(
            new(values[0], values[1]), new(values[2], values[3]), new(values[4], values[5]), new(values[6], values[7]),
            displayWidth, displayHeight, errors);
    }

    /// <summary>The stored form: x and y of the glabella, right temple, left temple and vertex.</summary>
    public double[] ToArray() =>
        [Glabella.X, Glabella.Y, RightTemporal.X, RightTemporal.Y, LeftTemporal.X, LeftTemporal.Y, Vertex.X, Vertex.Y];

    /// <summary>
    /// The transform from the scalp map (mm) to the photo displayed at <paramref name="displayWidth"/> ×
    /// <paramref name="displayHeight"/> pixels, taking each landmark to its handle (x × width, y × height).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A display side is not 1–<see cref="RgbaImage.MaxSide"/> pixels.</exception>
    /// <exception cref="InvalidOperationException">
    /// The handles are folded at this size. A valid alignment is never folded at any size (scaling the axes keeps the
    /// orientation); it is near-singular only when handles nearly line up, so this is only a guard.
    /// </exception>
    public Homography ToHomography(int displayWidth, int displayHeight)
    {
        CheckSide(displayWidth, nameof(displayWidth));
        CheckSide(displayHeight, nameof(displayHeight));
        return TrySolve(displayWidth, displayHeight, out var homography, out var problem)
            ? homography
            : throw new InvalidOperationException(problem);
    }

    /// <summary>The transform at this size, or why there is none in plain words.</summary>
    private bool TrySolve(
        int displayWidth, int displayHeight, [NotNullWhen(true)] out Homography? homography, [NotNullWhen(false)] out string? problem)
    {
        var landmarks = AlignmentLandmarks.All;
        ReadOnlySpan<MapPoint> from = [landmarks[0].Position, landmarks[1].Position, landmarks[2].Position, landmarks[3].Position];
        ReadOnlySpan<ImagePoint> to =
        [
            new(Glabella.X * displayWidth, Glabella.Y * displayHeight),
            new(RightTemporal.X * displayWidth, RightTemporal.Y * displayHeight),
            new(LeftTemporal.X * displayWidth, LeftTemporal.Y * displayHeight),
            new(Vertex.X * displayWidth, Vertex.Y * displayHeight),
        ];

        // A singular system is three handles (nearly) in line, or, rarely, a crossed outline whose middle maps to the horizon.
        if (!Homography.TryCreate(from, to, out homography, out _))
        {
            problem = ThreeInLine(to)
                ? "Three of the handles are in a straight line, so the design cannot be fitted to the photo; "
                    + "move them so the four handles outline the head."
                : Crossed;
            return false;
        }

        // One orientation everywhere between the handles: a crossed or folded quadrilateral flips it somewhere.
        var sign = Math.Sign(homography.JacobianDeterminant(AlignmentLandmarks.Centre));
        foreach (var landmark in landmarks)
        {
            var det = homography.JacobianDeterminant(landmark.Position);
            if (sign == 0 || !double.IsFinite(det) || Math.Sign(det) != sign)
            {
                homography = null;
                problem = Crossed;
                return false;
            }
        }

        problem = null;
        return true;
    }

    /// <summary>True when some three of the four points span a triangle under a millionth of the square of their extent.</summary>
    private static bool ThreeInLine(ReadOnlySpan<ImagePoint> p)
    {
        double extent = 0;
        for (var i = 0; i < p.Length; i++)
        {
            for (var j = i + 1; j < p.Length; j++)
            {
                extent = Math.Max(extent, Math.Abs(p[i].X - p[j].X) + Math.Abs(p[i].Y - p[j].Y));
            }
        }

        for (var skip = 0; skip < p.Length; skip++)
        {
            var (a, b, c) = skip switch { 0 => (1, 2, 3), 1 => (0, 2, 3), 2 => (0, 1, 3), _ => (0, 1, 2) };
            var cross = ((p[b].X - p[a].X) * (p[c].Y - p[a].Y)) - ((p[b].Y - p[a].Y) * (p[c].X - p[a].X));
            if (Math.Abs(cross) <= 1e-6 * extent * extent)
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckCoordinate(double value, AlignmentLandmark landmark, string axis, IList<(string Field, string Message)> errors)
    {
        if (!double.IsFinite(value))
        {
            errors.Add(($"{landmark.Key}.{axis}", $"The {Name(landmark)} handle's {axis} position is missing or not a number."));
        }
        else if (value is < MinCoordinate or > MaxCoordinate)
        {
            errors.Add(($"{landmark.Key}.{axis}", $"The {Name(landmark)} handle is too far outside the photo; drag it back onto the photo."));
        }
    }

    private static string Name(AlignmentLandmark landmark) => landmark.DisplayName.ToLowerInvariant();

    private static void CheckSide(int side, string name)
    {
        if (side is < RgbaImage.MinSide or > RgbaImage.MaxSide)
        {
            throw new ArgumentOutOfRangeException(name, side, $"Display sides are {RgbaImage.MinSide}–{RgbaImage.MaxSide} px.");
        }
    }
}

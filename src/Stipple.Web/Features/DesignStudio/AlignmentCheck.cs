using System.Globalization;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.DesignStudio;

/// <summary>
/// Whether a photo's alignment handles can define the map-to-photo transform (the contract of issue 6). The four
/// landmarks sit at fixed places on the scalp map (mm): glabella (0, 0), right temporal (-72, 90), left temporal
/// (72, 90), vertex (0, 180). Their four handle positions on the photo fix a homography H from the map to the photo; an
/// alignment is refused, naming the field, when
/// <list type="bullet">
/// <item>a coordinate is not finite or lies outside [-1, 2] ("glabella.x");</item>
/// <item>two handles are closer than 2% of the photo's diagonal, in pixels of the photo as shown (the later handle,
/// e.g. "vertex");</item>
/// <item>H does not exist or folds the map ("alignment"): the Jacobian determinant of H, det(H) / w³ (w = the
/// homogeneous coordinate of the image point), must be non-zero with one sign at the four landmarks and at the map
/// point (0, 90), the middle of their diamond. A sign change means the map's horizon crosses the landmarks' quadrilateral,
/// i.e. the quadrilateral is folded (self-intersecting) or not convex. A mirrored but unfolded alignment passes.</item>
/// </list>
/// Kept on its own, in one file, until Stipple.Core's PhotoAlignment takes its place.
/// </summary>
internal static class AlignmentCheck
{
    /// <summary>Smallest and largest coordinate accepted: a handle may sit up to one photo's size off the photo.</summary>
    public const double MinCoordinate = -1;

    /// <inheritdoc cref="MinCoordinate"/>
    public const double MaxCoordinate = 2;

    /// <summary>Smallest distance between two handles, as a share of the photo's diagonal.</summary>
    public const double MinSeparation = 0.02;

    // Below this the transform is taken as singular: the Jacobian is an area ratio (photo units² per (100 mm)²), and a
    // real alignment's is of the order of 0.01–1.
    private const double SingularJacobian = 1e-9;

    // Map coordinates are divided by this before solving, so the 8 × 8 system's entries are all of order 1.
    private const double MapScale = 100;

    /// <summary>The landmarks in field order, with their map positions in mm.</summary>
    private static readonly (string Field, double X, double Y)[] Landmarks =
    [
        ("glabella", 0, 0),
        ("rightTemporal", -72, 90),
        ("leftTemporal", 72, 90),
        ("vertex", 0, 180),
    ];

    /// <summary>The map point whose Jacobian is checked with the landmarks': the middle of the temporal line.</summary>
    private static readonly (double X, double Y) Centre = (0, 90);

    /// <summary>Every problem with <paramref name="handles"/> on a photo shown at <paramref name="displayWidth"/> × <paramref name="displayHeight"/> pixels.</summary>
    public static FieldErrors Check(AlignmentHandles handles, int displayWidth, int displayHeight)
    {
        ArgumentNullException.ThrowIfNull(handles);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(displayWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(displayHeight);
        var errors = new FieldErrors();
        var values = handles.ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]) || values[i] < MinCoordinate || values[i] > MaxCoordinate)
            {
                errors.Add(Landmarks[i / 2].Field + (i % 2 == 0 ? ".x" : ".y"), string.Create(
                    CultureInfo.InvariantCulture, $"must be a number from {MinCoordinate} to {MaxCoordinate} (0 and 1 are the photo's edges)."));
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        var diagonal = Math.Sqrt(((double)displayWidth * displayWidth) + ((double)displayHeight * displayHeight));
        for (var later = 1; later < Landmarks.Length; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                var dx = (values[2 * later] - values[2 * earlier]) * displayWidth;
                var dy = (values[(2 * later) + 1] - values[(2 * earlier) + 1]) * displayHeight;
                if (Math.Sqrt((dx * dx) + (dy * dy)) < MinSeparation * diagonal)
                {
                    errors.Add(Landmarks[later].Field, $"is too close to the {Landmarks[earlier].Field} handle (less than 2% of the photo's diagonal); drag them apart.");
                }
            }
        }

        if (!errors.Any && !Unfolded(values))
        {
            errors.Add("alignment", "The handles fold the map over itself: place the glabella, right temporal, vertex and left temporal handles in order around the head, as they sit on the photo.");
        }

        return errors;
    }

    /// <summary>True when the homography exists and its Jacobian has one sign at the landmarks and the centre.</summary>
    private static bool Unfolded(double[] values)
    {
        if (Homography(values) is not { } h)
        {
            return false;
        }

        var det = (h[0] * ((h[4] * h[8]) - (h[5] * h[7]))) - (h[1] * ((h[3] * h[8]) - (h[5] * h[6]))) + (h[2] * ((h[3] * h[7]) - (h[4] * h[6])));
        var sign = 0;
        foreach (var (x, y) in Landmarks.Select(l => (l.X, l.Y)).Append(Centre))
        {
            var w = (h[6] * x / MapScale) + (h[7] * y / MapScale) + h[8];
            var jacobian = det / (w * w * w);
            if (!double.IsFinite(jacobian) || Math.Abs(jacobian) < SingularJacobian)
            {
                return false;
            }

            var s = Math.Sign(jacobian);
            if (sign != 0 && s != sign)
            {
                return false;
            }

            sign = s;
        }

        return true;
    }

    /// <summary>
    /// The homography (row-major, h[8] = 1) taking the landmarks (map mm / <see cref="MapScale"/>) to the handles, from
    /// the standard 8 × 8 linear system (Hartley and Zisserman, Multiple View Geometry, 2nd ed., §4.1), solved by
    /// Gaussian elimination with partial pivoting; null when the system is singular. Fixing h[8] = 1 loses nothing here:
    /// h[8] is w at the glabella, the map's origin, which must be non-zero for the glabella to land on the photo at all.
    /// </summary>
    private static double[]? Homography(double[] values)
    {
        var a = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            var (x, y) = (Landmarks[i].X / MapScale, Landmarks[i].Y / MapScale);
            var (u, v) = (values[2 * i], values[(2 * i) + 1]);
            double[] rowU = [x, y, 1, 0, 0, 0, -u * x, -u * y, u];
            double[] rowV = [0, 0, 0, x, y, 1, -v * x, -v * y, v];
            for (var c = 0; c < 9; c++)
            {
                a[2 * i, c] = rowU[c];
                a[(2 * i) + 1, c] = rowV[c];
            }
        }

        for (var col = 0; col < 8; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < 8; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(a[pivot, col]) < 1e-12)
            {
                return null;
            }

            for (var c = 0; c < 9; c++)
            {
                (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            }

            for (var r = 0; r < 8; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var factor = a[r, col] / a[col, col];
                for (var c = col; c < 9; c++)
                {
                    a[r, c] -= factor * a[col, c];
                }
            }
        }

        var h = new double[9];
        for (var i = 0; i < 8; i++)
        {
            h[i] = a[i, 8] / a[i, i];
        }

        h[8] = 1;
        return h;
    }
}

using System.Diagnostics.CodeAnalysis;
using Stipple.Core.Design;

namespace Stipple.Core.Rendering;

/// <summary>
/// A projective transform (homography) from the scalp map (mm) to an image (pixels): the map point (x, y) lands at
/// pixel (u, v) = ((h₀x + h₁y + h₂) / w, (h₃x + h₄y + h₅) / w) with w = h₆x + h₇y + h₈. It is what a photo of a curved
/// head taken from one viewpoint does to the flat map, to first order, and it is fixed by four point pairs.
/// </summary>
/// <remarks>
/// <para>
/// Solved by the direct linear transformation (DLT; Hartley and Zisserman, <i>Multiple View Geometry in Computer
/// Vision</i>, 2nd ed., 2004, §4.1), with h₈ fixed to 1 so four pairs give an 8 × 8 linear system, solved by Gaussian
/// elimination with partial pivoting in doubles. Both point sets are first normalised (same book, §4.4.4: centroid to
/// the origin, mean distance √2), which keeps the system well conditioned whatever the units, and the result is scaled
/// so that w = 1 at the centroid of the map points. Points with w ≤ 0 lie behind the transform's horizon (the image of
/// the line at infinity) and have no image.
/// </para>
/// <para>
/// The Jacobian of the map at a point is det(H) / w³ (differentiate the quotient; the cofactors of the last row
/// collect into det H), so the local scale, the linear magnification of a small area, is √|det(H) / w³| pixels per mm.
/// A small circle maps to an ellipse of that area; drawing it as a circle of that radius keeps its ink exact.
/// </para>
/// </remarks>
public sealed class Homography
{
    /// <summary>Point pairs needed (and taken): four, no three of either set on one line.</summary>
    public const int PointCount = 4;

    /// <summary>
    /// w must exceed this fraction of |h₆x| + |h₇y| + |h₈| for a point to map: closer to the horizon, rounding in w
    /// could flip its sign.
    /// </summary>
    private const double HorizonTolerance = 1e-12;

    /// <summary>Smallest pivot (normalised system, entries of order 1) and smallest |cross product| of three normalised points.</summary>
    private const double Degenerate = 1e-10;

    private readonly double[] h;
    private readonly double[] inverse;
    private readonly double determinant;

    private Homography(double[] h)
    {
        this.h = h;
        determinant = Determinant(h);
        inverse = new double[9];
        var adjugate = Adjugate(h);
        for (var i = 0; i < 9; i++)
        {
            inverse[i] = adjugate[i] / determinant;
        }
    }

    /// <summary>
    /// The 3 × 3 matrix row by row (h₀ … h₈), scaled so that w = 1 at the centroid of the map points it was solved from.
    /// </summary>
    public ReadOnlySpan<double> Matrix => h;

    /// <summary>
    /// Solves the homography taking each of the four <paramref name="from"/> points to the matching <paramref name="to"/>
    /// point. Fails, with <paramref name="problem"/> in plain words, when there are not four finite pairs, three points of
    /// either set lie on one line (no non-singular transform exists), or the system is singular (which also happens, for
    /// crossed quadrilaterals, when the centroid of <paramref name="from"/> would land on the horizon).
    /// </summary>
    /// <param name="from">Four map points, mm.</param>
    /// <param name="to">Their four image points, pixels, in the same order.</param>
    /// <param name="homography">The transform, or <see langword="null"/>.</param>
    /// <param name="problem">Why there is none, or <see langword="null"/>.</param>
    public static bool TryCreate(
        ReadOnlySpan<MapPoint> from,
        ReadOnlySpan<ImagePoint> to,
        [NotNullWhen(true)] out Homography? homography,
        [NotNullWhen(false)] out string? problem)
    {
        homography = null;
        if (from.Length != PointCount || to.Length != PointCount)
        {
            problem = $"A homography takes exactly 4 point pairs; got {from.Length} map points and {to.Length} image points.";
            return false;
        }

        Span<double> source = stackalloc double[8];
        Span<double> target = stackalloc double[8];
        for (var i = 0; i < PointCount; i++)
        {
            if (!from[i].IsFinite || !to[i].IsFinite)
            {
                problem = $"Point pair {i + 1} has a coordinate that is not a finite number.";
                return false;
            }

            (source[2 * i], source[(2 * i) + 1]) = (from[i].X, from[i].Y);
            (target[2 * i], target[(2 * i) + 1]) = (to[i].X, to[i].Y);
        }

        var sourceFrame = Normalise(source);
        var targetFrame = Normalise(target);
        problem = Collinear(source, "map") ?? Collinear(target, "image");
        if (problem is not null)
        {
            return false;
        }

        if (!Solve(source, target, out var normalised))
        {
            problem = "The points admit no usable projective transform (the linear system is singular).";
            return false;
        }

        // H = T_to⁻¹ · Hn · T_from, with T = [s 0 −s·cx; 0 s −s·cy; 0 0 1].
        var matrix = Multiply(Multiply(targetFrame.Inverse(), normalised), sourceFrame.Forward());
        var det = Determinant(matrix);
        if (!double.IsFinite(det) || det == 0)
        {
            problem = "The points admit no usable projective transform (the matrix is singular).";
            return false;
        }

        homography = new Homography(matrix);
        return true;
    }

    /// <summary>Where <paramref name="point"/> (mm) lands, in pixels; false when it lies on or behind the horizon (w ≤ 0).</summary>
    public bool TryMap(MapPoint point, out ImagePoint image)
    {
        if (TryProject(h, point.X, point.Y, out var u, out var v, out _))
        {
            image = new ImagePoint(u, v);
            return true;
        }

        image = default;
        return false;
    }

    /// <summary>
    /// The map point (mm) that lands on <paramref name="image"/> (pixels); false when there is none in front of the
    /// horizon.
    /// </summary>
    public bool TryUnmap(ImagePoint image, out MapPoint point)
    {
        if (TryProject(inverse, image.X, image.Y, out var x, out var y, out _))
        {
            point = new MapPoint(x, y);
            return true;
        }

        point = default;
        return false;
    }

    /// <summary>
    /// The Jacobian determinant of the transform at <paramref name="point"/>, det(H) / w³, in pixels² per mm²: how much
    /// a small area is magnified; negative where the transform mirrors (a front photo does: map x runs with image x
    /// but map y, backwards over the head, runs up the image). Infinite on the horizon; its sign flips behind it.
    /// </summary>
    public double JacobianDeterminant(MapPoint point)
    {
        var w = (h[6] * point.X) + (h[7] * point.Y) + h[8];
        return determinant / (w * w * w);
    }

    /// <summary>
    /// Pixels per mm at <paramref name="point"/>: √|<see cref="JacobianDeterminant"/>|, the geometric mean of the
    /// magnifications along the two principal directions (a small disc of radius r mm covers as many pixels as a
    /// circle of radius r × this).
    /// </summary>
    public double LocalScale(MapPoint point) => Math.Sqrt(Math.Abs(JacobianDeterminant(point)));

    /// <summary>The renderer's path: pixel centre and local scale (px/mm) of a map point, or false behind the horizon.</summary>
    internal bool TryPlace(double x, double y, out double u, out double v, out double pxPerMm)
    {
        if (TryProject(h, x, y, out u, out v, out var w))
        {
            pxPerMm = Math.Sqrt(Math.Abs(determinant / (w * w * w)));
            return true;
        }

        pxPerMm = 0;
        return false;
    }

    private static bool TryProject(double[] m, double x, double y, out double u, out double v, out double w)
    {
        w = (m[6] * x) + (m[7] * y) + m[8];
        if (!(w > HorizonTolerance * (Math.Abs(m[6] * x) + Math.Abs(m[7] * y) + Math.Abs(m[8]))))
        {
            u = v = 0;
            return false;
        }

        u = ((m[0] * x) + (m[1] * y) + m[2]) / w;
        v = ((m[3] * x) + (m[4] * y) + m[5]) / w;
        return double.IsFinite(u) && double.IsFinite(v);
    }

    /// <summary>Moves the four points (x, y pairs) in place to centroid 0 and mean distance √2; returns the frame.</summary>
    private static Frame Normalise(Span<double> points)
    {
        double cx = 0, cy = 0;
        for (var i = 0; i < PointCount; i++)
        {
            cx += points[2 * i] / PointCount;
            cy += points[(2 * i) + 1] / PointCount;
        }

        double meanDistance = 0;
        for (var i = 0; i < PointCount; i++)
        {
            meanDistance += Math.Sqrt(Math.Pow(points[2 * i] - cx, 2) + Math.Pow(points[(2 * i) + 1] - cy, 2)) / PointCount;
        }

        // All four points on one spot: scale 1 leaves them at the origin, and the collinearity check then refuses them.
        var s = meanDistance > 0 ? Math.Sqrt(2) / meanDistance : 1;
        for (var i = 0; i < PointCount; i++)
        {
            points[2 * i] = (points[2 * i] - cx) * s;
            points[(2 * i) + 1] = (points[(2 * i) + 1] - cy) * s;
        }

        return new Frame(cx, cy, s);
    }

    /// <summary>A message naming three normalised points that lie on one line (or coincide), or null.</summary>
    private static string? Collinear(ReadOnlySpan<double> p, string set)
    {
        Span<int> k = stackalloc int[3];
        for (var skip = PointCount - 1; skip >= 0; skip--)
        {
            var n = 0;
            for (var i = 0; i < PointCount; i++)
            {
                if (i != skip)
                {
                    k[n++] = i;
                }
            }

            var cross = ((p[2 * k[1]] - p[2 * k[0]]) * (p[(2 * k[2]) + 1] - p[(2 * k[0]) + 1]))
                - ((p[(2 * k[1]) + 1] - p[(2 * k[0]) + 1]) * (p[2 * k[2]] - p[2 * k[0]]));
            if (Math.Abs(cross) <= Degenerate)
            {
                return $"Points {k[0] + 1}, {k[1] + 1} and {k[2] + 1} of the {set} points lie on one line (or coincide).";
            }
        }

        return null;
    }

    /// <summary>The DLT system for normalised points (h₈ = 1), by Gaussian elimination with partial pivoting.</summary>
    private static bool Solve(ReadOnlySpan<double> source, ReadOnlySpan<double> target, out double[] solution)
    {
        const int N = 8;
        var a = new double[N, N + 1];
        for (var i = 0; i < PointCount; i++)
        {
            double x = source[2 * i], y = source[(2 * i) + 1], u = target[2 * i], v = target[(2 * i) + 1];

            // u·(h₆x + h₇y + 1) = h₀x + h₁y + h₂, and the same for v with h₃…h₅.
            var r = 2 * i;
            a[r, 0] = x;
            a[r, 1] = y;
            a[r, 2] = 1;
            a[r, 6] = -x * u;
            a[r, 7] = -y * u;
            a[r, N] = u;
            a[r + 1, 3] = x;
            a[r + 1, 4] = y;
            a[r + 1, 5] = 1;
            a[r + 1, 6] = -x * v;
            a[r + 1, 7] = -y * v;
            a[r + 1, N] = v;
        }

        solution = new double[9];
        for (var col = 0; col < N; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < N; row++)
            {
                if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (!(Math.Abs(a[pivot, col]) > Degenerate))
            {
                return false;
            }

            if (pivot != col)
            {
                for (var j = col; j <= N; j++)
                {
                    (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
                }
            }

            for (var row = col + 1; row < N; row++)
            {
                var factor = a[row, col] / a[col, col];
                if (factor == 0)
                {
                    continue;
                }

                for (var j = col; j <= N; j++)
                {
                    a[row, j] -= factor * a[col, j];
                }
            }
        }

        for (var row = N - 1; row >= 0; row--)
        {
            var sum = a[row, N];
            for (var j = row + 1; j < N; j++)
            {
                sum -= a[row, j] * solution[j];
            }

            solution[row] = sum / a[row, row];
        }

        solution[8] = 1;
        return true;
    }

    private static double[] Multiply(double[] a, double[] b)
    {
        var c = new double[9];
        for (var r = 0; r < 3; r++)
        {
            for (var k = 0; k < 3; k++)
            {
                c[(3 * r) + k] = (a[3 * r] * b[k]) + (a[(3 * r) + 1] * b[3 + k]) + (a[(3 * r) + 2] * b[6 + k]);
            }
        }

        return c;
    }

    private static double Determinant(double[] m) =>
        (m[0] * ((m[4] * m[8]) - (m[5] * m[7])))
        - (m[1] * ((m[3] * m[8]) - (m[5] * m[6])))
        + (m[2] * ((m[3] * m[7]) - (m[4] * m[6])));

    private static double[] Adjugate(double[] m) =>
    [
        (m[4] * m[8]) - (m[5] * m[7]), (m[2] * m[7]) - (m[1] * m[8]), (m[1] * m[5]) - (m[2] * m[4]),
        (m[5] * m[6]) - (m[3] * m[8]), (m[0] * m[8]) - (m[2] * m[6]), (m[2] * m[3]) - (m[0] * m[5]),
        (m[3] * m[7]) - (m[4] * m[6]), (m[1] * m[6]) - (m[0] * m[7]), (m[0] * m[4]) - (m[1] * m[3]),
    ];

    /// <summary>A normalising similarity: translate by (−cx, −cy), then scale by s.</summary>
    private readonly record struct Frame(double Cx, double Cy, double S)
    {
        public double[] Forward() => [S, 0, -S * Cx, 0, S, -S * Cy, 0, 0, 1];

        public double[] Inverse() => [1 / S, 0, Cx, 0, 1 / S, Cy, 0, 0, 1];
    }
}

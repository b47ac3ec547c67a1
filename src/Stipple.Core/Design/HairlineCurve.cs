namespace Stipple.Core.Design;

/// <summary>
/// The hairline as a dense polyline: a centripetal Catmull–Rom spline (α = ½) through the control points, which
/// never forms cusps or self-intersections within a segment (Yuksel, Schaefer &amp; Keyser, "Parameterization and
/// applications of Catmull–Rom curves", CAD 43(7), 2011). Evaluated with the Barry–Goldman pyramid. The ends are
/// extended with mirrored phantom points so the curve passes through every control point.
/// </summary>
public sealed class HairlineCurve
{
    /// <summary>Target spacing of the polyline's vertices (mm).</summary>
    public const double StepMm = 1.0;

    private readonly MapPoint[] points;
    private readonly double[] arc;

    /// <summary>Builds the curve through <paramref name="controlPoints"/> (at least 2, finite, x increasing).</summary>
    public HairlineCurve(IReadOnlyList<MapPoint> controlPoints)
    {
        ArgumentNullException.ThrowIfNull(controlPoints);
        if (controlPoints.Count < 2)
        {
            throw new ArgumentException("A hairline needs at least two points.", nameof(controlPoints));
        }

        var n = controlPoints.Count;
        var list = new List<MapPoint>(n * 16);
        for (var i = 0; i < n - 1; i++)
        {
            var p0 = i > 0 ? controlPoints[i - 1] : Mirror(controlPoints[0], controlPoints[1]);
            var p1 = controlPoints[i];
            var p2 = controlPoints[i + 1];
            var p3 = i + 2 < n ? controlPoints[i + 2] : Mirror(controlPoints[n - 1], controlPoints[n - 2]);
            var steps = Math.Max(4, (int)Math.Ceiling(Distance(p1, p2) / StepMm));
            for (var s = 0; s < steps; s++)
            {
                list.Add(Evaluate(p0, p1, p2, p3, (double)s / steps));
            }
        }

        list.Add(controlPoints[n - 1]);
        points = [.. list];
        arc = new double[points.Length];
        for (var i = 1; i < points.Length; i++)
        {
            arc[i] = arc[i - 1] + Distance(points[i - 1], points[i]);
        }
    }

    /// <summary>The polyline's vertices, from the first control point to the last.</summary>
    public ReadOnlySpan<MapPoint> Points => points;

    /// <summary>Arc length from the start to each vertex (mm).</summary>
    public ReadOnlySpan<double> ArcLength => arc;

    /// <summary>Total length (mm).</summary>
    public double Length => arc[^1];

    /// <summary>
    /// The y of the curve where it crosses the midline (x = 0): the mid-frontal point's height above the glabella,
    /// or null when the curve does not cross the midline.
    /// </summary>
    public double? MidlineY()
    {
        for (var i = 1; i < points.Length; i++)
        {
            var a = points[i - 1];
            var b = points[i];
            if ((a.X <= 0 && b.X >= 0) || (a.X >= 0 && b.X <= 0))
            {
                return a.X == b.X ? Math.Min(a.Y, b.Y) : a.Y + ((b.Y - a.Y) * (0 - a.X) / (b.X - a.X));
            }
        }

        return null;
    }

    /// <summary>
    /// A closed polygon covering everything behind the hairline: the curve, then out to the right edge of the map,
    /// back past the nape, across, and forward to the curve's start. Beyond its ends the hairline continues level.
    /// </summary>
    public MapPoint[] BehindRegion()
    {
        const double Far = 50;
        var first = points[0];
        var last = points[^1];
        var region = new MapPoint[points.Length + 4];
        points.CopyTo(region, 0);
        region[points.Length] = new MapPoint(ScalpMap.MaxX + Far, last.Y);
        region[points.Length + 1] = new MapPoint(ScalpMap.MaxX + Far, ScalpMap.MaxY + Far);
        region[points.Length + 2] = new MapPoint(ScalpMap.MinX - Far, ScalpMap.MaxY + Far);
        region[points.Length + 3] = new MapPoint(ScalpMap.MinX - Far, first.Y);
        return region;
    }

    private static MapPoint Mirror(MapPoint end, MapPoint next) => new((2 * end.X) - next.X, (2 * end.Y) - next.Y);

    private static double Distance(MapPoint a, MapPoint b)
    {
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    private static MapPoint Evaluate(MapPoint p0, MapPoint p1, MapPoint p2, MapPoint p3, double u)
    {
        // Knot spacing |Pi+1 − Pi|^½ (centripetal); a tiny floor keeps coincident points from dividing by zero.
        var t0 = 0.0;
        var t1 = t0 + Math.Max(Math.Sqrt(Distance(p0, p1)), 1e-6);
        var t2 = t1 + Math.Max(Math.Sqrt(Distance(p1, p2)), 1e-6);
        var t3 = t2 + Math.Max(Math.Sqrt(Distance(p2, p3)), 1e-6);
        var t = t1 + ((t2 - t1) * u);

        var a1 = Lerp(p0, p1, (t - t0) / (t1 - t0));
        var a2 = Lerp(p1, p2, (t - t1) / (t2 - t1));
        var a3 = Lerp(p2, p3, (t - t2) / (t3 - t2));
        var b1 = Lerp(a1, a2, (t - t0) / (t2 - t0));
        var b2 = Lerp(a2, a3, (t - t1) / (t3 - t1));
        return Lerp(b1, b2, (t - t1) / (t2 - t1));
    }

    private static MapPoint Lerp(MapPoint a, MapPoint b, double f) => new(a.X + ((b.X - a.X) * f), a.Y + ((b.Y - a.Y) * f));
}

namespace Stipple.Core.Design;

/// <summary>Small planar geometry helpers on the scalp map (mm). Deterministic: only +, −, ×, ÷ and square roots.</summary>
internal static class Geometry
{
    /// <summary>Signed area by the shoelace formula (mm²): positive when the vertices run counter-clockwise in x-right, y-up axes.</summary>
    public static double SignedArea(IReadOnlyList<MapPoint> polygon)
    {
        var sum = 0.0;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            sum += (polygon[j].X * polygon[i].Y) - (polygon[i].X * polygon[j].Y);
        }

        return sum / 2;
    }

    /// <summary>Even–odd point-in-polygon test (the crossing-number rule).</summary>
    public static bool Contains(IReadOnlyList<MapPoint> polygon, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            var a = polygon[i];
            var b = polygon[j];
            if ((a.Y > y) != (b.Y > y) && x < ((b.X - a.X) * (y - a.Y) / (b.Y - a.Y)) + a.X)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>
    /// The first pair of non-adjacent edges that cross or touch, as edge indices (edge i runs from vertex i to i+1),
    /// or null when the polygon is simple. O(n²); polygons are capped at 256 vertices.
    /// </summary>
    public static (int First, int Second)? FindSelfIntersection(IReadOnlyList<MapPoint> polygon)
    {
        var n = polygon.Count;
        for (var i = 0; i < n; i++)
        {
            var a1 = polygon[i];
            var a2 = polygon[(i + 1) % n];
            for (var j = i + 1; j < n; j++)
            {
                if (j == i + 1 || (i == 0 && j == n - 1))
                {
                    continue; // adjacent edges share a vertex by construction
                }

                if (SegmentsIntersect(a1, a2, polygon[j], polygon[(j + 1) % n]))
                {
                    return (i, j);
                }
            }
        }

        return null;
    }

    /// <summary>True when closed segments p1–p2 and q1–q2 share at least one point.</summary>
    public static bool SegmentsIntersect(MapPoint p1, MapPoint p2, MapPoint q1, MapPoint q2)
    {
        var d1 = Cross(q1, q2, p1);
        var d2 = Cross(q1, q2, p2);
        var d3 = Cross(p1, p2, q1);
        var d4 = Cross(p1, p2, q2);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        {
            return true;
        }

        return (d1 == 0 && OnSegment(q1, q2, p1)) || (d2 == 0 && OnSegment(q1, q2, p2))
            || (d3 == 0 && OnSegment(p1, p2, q1)) || (d4 == 0 && OnSegment(p1, p2, q2));
    }

    /// <summary>Squared distance from (x, y) to segment a–b, and the parameter t ∈ [0, 1] of the nearest point.</summary>
    public static double SegmentDistanceSquared(MapPoint a, MapPoint b, double x, double y, out double t)
    {
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var lengthSquared = (dx * dx) + (dy * dy);
        t = lengthSquared > 0 ? Math.Clamp((((x - a.X) * dx) + ((y - a.Y) * dy)) / lengthSquared, 0, 1) : 0;
        var px = a.X + (t * dx) - x;
        var py = a.Y + (t * dy) - y;
        return (px * px) + (py * py);
    }

    private static double Cross(MapPoint a, MapPoint b, MapPoint c) => ((b.X - a.X) * (c.Y - a.Y)) - ((b.Y - a.Y) * (c.X - a.X));

    private static bool OnSegment(MapPoint a, MapPoint b, MapPoint p) =>
        Math.Min(a.X, b.X) <= p.X && p.X <= Math.Max(a.X, b.X) && Math.Min(a.Y, b.Y) <= p.Y && p.Y <= Math.Max(a.Y, b.Y);
}

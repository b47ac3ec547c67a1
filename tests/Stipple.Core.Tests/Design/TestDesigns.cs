using Stipple.Core.Design;

namespace Stipple.Core.Tests.Design;

/// <summary>Designs for the engine tests, with geometry the tests can reason about independently.</summary>
internal static class TestDesigns
{
    /// <summary>A hairline well in front of everything (MFP 80 mm at the midline, lower at the sides).</summary>
    public static HairlineSpec FarHairline { get; } = new() { Points = [new(-150, 60), new(0, 80), new(150, 60)] };

    public static MapPoint[] Rect(double x0, double y0, double x1, double y1) => [new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1)];

    public static ZoneSpec Zone(string name, MapPoint[] polygon, double density = 100, ZoneKind kind = ZoneKind.MidScalp) =>
        new() { Name = name, Kind = kind, Polygon = polygon, DensityPerCm2 = density };

    /// <summary>One rectangular zone 120 × 100 mm, 20 mm or more behind the hairline, at <paramref name="density"/>.</summary>
    public static DesignDocument Uniform(double density, int sessions = 3, uint seed = 7) => new()
    {
        Hairline = FarHairline,
        Zones = [Zone("Block", Rect(-60, 110, 60, 210), density)],
        Sessions = Plan(sessions),
        Seed = seed,
    };

    /// <summary>Two zones side by side at different densities, and an exclusion square inside the left one.</summary>
    public static DesignDocument Mixed(uint seed = 11) => new()
    {
        Hairline = FarHairline,
        Zones =
        [
            Zone("Sparse", Rect(-80, 110, 0, 210), 60),
            Zone("Dense", Rect(0, 110, 80, 210), 150),
            Zone("Mole", Rect(-50, 150, -30, 170), kind: ZoneKind.Exclusion),
        ],
        Seed = seed,
    };

    public static SessionPlanSpec Plan(int sessions) => new()
    {
        Count = sessions,
        Ramp = SessionPlanSpec.DefaultRamp(sessions),
        ShadeStrength = SessionPlanSpec.DefaultShadeStrength(sessions),
    };

    /// <summary>Even–odd point-in-polygon, written here so the tests do not trust the engine's own.</summary>
    public static bool Inside(IReadOnlyList<MapPoint> polygon, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            if ((polygon[i].Y > y) != (polygon[j].Y > y)
                && x < ((polygon[j].X - polygon[i].X) * (y - polygon[i].Y) / (polygon[j].Y - polygon[i].Y)) + polygon[i].X)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>Dots with centres inside the rectangle, counted by the test.</summary>
    public static int CountIn(ReadOnlySpan<Dot> dots, double x0, double y0, double x1, double y1)
    {
        var n = 0;
        foreach (var d in dots)
        {
            if (d.X >= x0 && d.X < x1 && d.Y >= y0 && d.Y < y1)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>
    /// The smallest distance between dots i and j (i ≠ j) divided by <paramref name="rule"/>(i, j), over every pair closer
    /// than <paramref name="searchMm"/> (bucketed brute force).
    /// </summary>
    public static double MinPairRatio(ReadOnlySpan<Dot> dots, double searchMm, Func<Dot, Dot, double> rule)
    {
        var buckets = new Dictionary<(int, int), List<int>>();
        for (var i = 0; i < dots.Length; i++)
        {
            var key = ((int)Math.Floor(dots[i].X / searchMm), (int)Math.Floor(dots[i].Y / searchMm));
            if (!buckets.TryGetValue(key, out var list))
            {
                buckets[key] = list = [];
            }

            list.Add(i);
        }

        var best = double.PositiveInfinity;
        for (var i = 0; i < dots.Length; i++)
        {
            var (bx, by) = ((int)Math.Floor(dots[i].X / searchMm), (int)Math.Floor(dots[i].Y / searchMm));
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    if (!buckets.TryGetValue((bx + dx, by + dy), out var list))
                    {
                        continue;
                    }

                    foreach (var j in list)
                    {
                        if (j <= i)
                        {
                            continue;
                        }

                        var distance = Math.Sqrt(Math.Pow(dots[i].X - dots[j].X, 2) + Math.Pow(dots[i].Y - dots[j].Y, 2));
                        if (distance < searchMm)
                        {
                            best = Math.Min(best, distance / rule(dots[i], dots[j]));
                        }
                    }
                }
            }
        }

        return best;
    }
}

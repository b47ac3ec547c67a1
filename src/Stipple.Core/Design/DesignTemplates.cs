namespace Stipple.Core.Design;

/// <summary>
/// Sample designs to start from. Hairline heights follow smp-facts §2 and §13.2: a male mature mid-frontal point
/// 80 mm above the glabella with the frontotemporal angle on the lateral canthus line; a juvenile line lower and
/// flatter (the mature line sits about 1.5 cm above the juvenile one, §2.5; 72 mm keeps it inside the 70 mm limit);
/// a female line at about 57 mm with a widow's peak (on by default: 81 % of women have one) and temple mounds.
/// Zones cover the top of the head: frontal, both temples, mid-scalp and (for men) the crown, at the default density.
/// </summary>
public static class DesignTemplates
{
    private const double FrontalHalfWidth = 58;
    private const double TempleOuterX = 118;
    private const double FrontalBackY = 150;
    private const double MidBackY = 210;

    /// <summary>How far ahead of the hairline the zones start by default (mm), so sentinel dots stay inside a zone.</summary>
    public const double DefaultLeadMm = 6;

    /// <summary>The template's command-line name (<c>male-mature</c>, <c>male-juvenile</c>, <c>female</c>).</summary>
    public static string NameOf(TemplateKind kind) => kind switch
    {
        TemplateKind.MaleMature => "male-mature",
        TemplateKind.MaleJuvenile => "male-juvenile",
        _ => "female",
    };

    /// <summary>Parses a name from <see cref="NameOf"/>.</summary>
    public static bool TryParse(string? name, out TemplateKind kind)
    {
        foreach (var candidate in Enum.GetValues<TemplateKind>())
        {
            if (string.Equals(NameOf(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>
    /// A complete, valid design of the given kind. The zones' front edges follow the hairline <paramref name="leadMm"/>
    /// ahead of it (0–40 mm): only the part behind the line takes dots, so a larger lead lets the line be brought
    /// forward in an editor without leaving a strip that no zone covers.
    /// </summary>
    public static DesignDocument Create(TemplateKind kind, uint seed = 1, double leadMm = DefaultLeadMm)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leadMm, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(leadMm, 40);
        var (style, half) = kind switch
        {
            TemplateKind.MaleMature => (HairlineStyle.Male, new MapPoint[]
            {
                new(0, 80), new(22, 82), new(40, 90), new(ScalpMap.LateralCanthusX, 101), new(63, 96), new(75, 89),
                new(92, 96), new(112, 112),
            }),
            TemplateKind.MaleJuvenile => (HairlineStyle.Male, new MapPoint[]
            {
                new(0, 72), new(20, 72.5), new(38, 74.5), new(ScalpMap.LateralCanthusX, 79), new(64, 80), new(78, 82),
                new(95, 92), new(114, 108),
            }),
            _ => (HairlineStyle.Female, new MapPoint[]
            {
                new(0, 56.5), new(5, 60), new(16, 62), new(32, 63), new(ScalpMap.LateralCanthusX - 4, 66.5), new(60, 71),
                new(72, 76), new(90, 86), new(110, 104),
            }),
        };

        var points = Mirror(half);
        var curve = new HairlineCurve(points);
        // Female pattern loss is diffuse over the top (Ludwig); the female template leaves the crown out.
        var zones = new List<ZoneSpec>
        {
            Zone("Frontal", ZoneKind.Frontal, FrontPolygon(curve, -FrontalHalfWidth, FrontalHalfWidth, FrontalBackY, leadMm)),
            Zone("Right temple", ZoneKind.Temples, FrontPolygon(curve, -TempleOuterX, -FrontalHalfWidth, FrontalBackY, leadMm)),
            Zone("Left temple", ZoneKind.Temples, FrontPolygon(curve, FrontalHalfWidth, TempleOuterX, FrontalBackY, leadMm)),
            Zone("Mid-scalp", ZoneKind.MidScalp, [new(-TempleOuterX, FrontalBackY), new(TempleOuterX, FrontalBackY), new(105, MidBackY), new(-105, MidBackY)]),
        };
        if (kind != TemplateKind.Female)
        {
            zones.Add(Zone("Crown", ZoneKind.Crown,
            [
                new(-105, MidBackY), new(105, MidBackY), new(90, 236), new(60, 252), new(20, 258), new(-20, 258), new(-60, 252), new(-90, 236),
            ]));
        }

        return new DesignDocument
        {
            Hairline = new HairlineSpec { Style = style, Points = points },
            Zones = zones,
            Seed = seed,
        };
    }

    private static ZoneSpec Zone(string name, ZoneKind kind, MapPoint[] polygon) => new() { Name = name, Kind = kind, Polygon = polygon };

    private static MapPoint[] Mirror(MapPoint[] half)
    {
        var points = new List<MapPoint>(half.Length * 2);
        for (var i = half.Length - 1; i > 0; i--)
        {
            points.Add(new MapPoint(-half[i].X, half[i].Y));
        }

        points.AddRange(half);
        return [.. points];
    }

    /// <summary>A polygon whose front edge follows the hairline <paramref name="leadMm"/> ahead of it, from x0 to x1, back to <paramref name="backY"/>.</summary>
    private static MapPoint[] FrontPolygon(HairlineCurve curve, double x0, double x1, double backY, double leadMm)
    {
        var front = new List<MapPoint>();
        const int Steps = 12;
        for (var i = 0; i <= Steps; i++)
        {
            var x = x0 + ((x1 - x0) * i / Steps);
            var y = Math.Max(ScalpMap.MinY, YAt(curve, x) - leadMm);
            front.Add(new MapPoint(Math.Round(x, 2), Math.Round(y, 2)));
        }

        front.Add(new MapPoint(x1, backY));
        front.Add(new MapPoint(x0, backY));
        return [.. front];
    }

    private static double YAt(HairlineCurve curve, double x)
    {
        var points = curve.Points;
        for (var i = 1; i < points.Length; i++)
        {
            if (points[i].X >= x)
            {
                var a = points[i - 1];
                var b = points[i];
                return b.X == a.X ? b.Y : a.Y + ((b.Y - a.Y) * (x - a.X) / (b.X - a.X));
            }
        }

        return points[^1].Y;
    }
}

using System.Globalization;

namespace Stipple.Core.Design;

/// <summary>
/// The design engine: places every impression of a design (DESIGN.md "The design engine"; docs/design-format.md).
/// The shared <see cref="BlueNoiseTile"/> is laid over the map, scaled so its full density is the design's highest
/// zone density and turned and shifted by the seed; a point of rank i is kept in session k when
/// (i + ½) / N &lt; ramp_k × ρ(p) / ρ_max, ρ(p) being the target density where it lands (zone density × transition
/// ramp). So each session's cumulative dots are an even Poisson-disk set at their own density, session k fills
/// between the dots of the sessions before it, and densities are exact to a rounding. Sentinels follow; then the
/// figures. Pure and deterministic: the same document and seed give byte-identical dots on any machine.
/// </summary>
public static class Stippler
{
    /// <summary>Most dots one design may ask for: twice a dense full head (500 cm² × 150/cm²).</summary>
    public const int MaxDots = 150_000;

    /// <summary>Impressions in one session above which a warning is given (about 14,000 per session is the only figure found, smp-facts §3.3).</summary>
    public const int LargeSessionDots = 15_000;

    /// <summary>Distance from a zone's edge (mm) inside which density is not judged.</summary>
    public const double InteriorMarginMm = 3;

    /// <summary>
    /// β of the distance rule: any two dots are at least β / √ρ mm apart, ρ being the larger of their two local target
    /// densities in dots per mm² (0.68 mm at 100/cm²). Follows from the tile's packing constant and stage growth.
    /// </summary>
    public const double MinimumDistanceFactor = 0.68;

    /// <summary>Random dot-size variation, ± this share of the zone's diameter: hair shafts are not identical.</summary>
    public const double DiameterJitter = 0.08;

    /// <summary>Dot size at the very front of the band as a share of the zone's: hairline work uses a single fine needle (smp-facts §4.1).</summary>
    public const double FrontDiameterShare = 0.85;

    private const ulong PlacementStream = 1;
    private const ulong SentinelStream = 2;
    private const ulong SizeStream = 3;

    /// <summary>Places the dots of <paramref name="design"/>; throws <see cref="DesignValidationException"/> when it is invalid.</summary>
    public static StippleResult Stipple(DesignDocument design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var check = DesignValidator.Check(design);
        var document = check.Document ?? throw new DesignValidationException(check.Errors);
        var warnings = new List<DesignIssue>(check.Warnings);

        var curve = new HairlineCurve(document.Hairline.Points);
        var field = new DensityField(document, curve);
        var (areaMm2, interior) = field.Measure(InteriorMarginMm);

        var expected = 0.0;
        for (var z = 0; z < document.Zones.Count; z++)
        {
            expected += areaMm2[z] * document.Zones[z].DensityPerCm2 / 100;
        }

        if (expected > MaxDots)
        {
            throw new DesignValidationException([new DesignIssue("zones", string.Create(CultureInfo.InvariantCulture,
                $"The zones ask for about {expected:N0} dots; a design may have at most {MaxDots:N0}."))]);
        }

        var sessions = document.Sessions.Count;
        var buckets = new List<Placed>[sessions];
        for (var k = 0; k < sessions; k++)
        {
            buckets[k] = new List<Placed>((int)(expected * (k == 0 ? document.Sessions.Ramp[0] : document.Sessions.Ramp[k] - document.Sessions.Ramp[k - 1]) * 1.05) + 64);
        }

        Place(document, field, buckets);

        var rMin = MinimumDistanceFactor / Math.Sqrt(field.MaxDensityPerMm2);
        var grid = new DotGrid(field.Bounds.Inflate(5), rMin, (int)(expected * 1.05) + 256);
        foreach (var bucket in buckets)
        {
            foreach (var p in bucket)
            {
                grid.Add(p.X, p.Y, p.Density);
            }
        }

        var sentinels = new List<Placed>();
        Sentinels.Place(document, curve, field, grid, Xoshiro256.For(document.Seed, SentinelStream), sentinels);
        buckets[^1].AddRange(sentinels);

        var dots = BuildDots(document, field, buckets, out var perSession);
        var zones = Tally(document, field, dots, areaMm2, interior);
        var (ratio, coverage) = Measure(field, grid, interior);

        for (var k = 0; k < perSession.Length; k++)
        {
            if (perSession[k] > LargeSessionDots)
            {
                warnings.Add(new DesignIssue(string.Create(CultureInfo.InvariantCulture, $"sessions.ramp[{k}]"), string.Create(CultureInfo.InvariantCulture,
                    $"Session {k + 1} places {perSession[k]:N0} impressions; more than about {LargeSessionDots:N0} in one session is unusual (smp-facts §3.3).")));
            }
        }

        return new StippleResult(document, dots, zones, perSession, ViewBounds(document), curve.MidlineY() ?? double.NaN, ratio, coverage, warnings);
    }

    /// <summary>Lays the tile over the field and keeps each point in the first session whose threshold admits it.</summary>
    private static void Place(DesignDocument design, DensityField field, List<Placed>[] buckets)
    {
        var tile = BlueNoiseTile.Shared;
        var rng = Xoshiro256.For(design.Seed, PlacementStream);
        var symmetry = (int)(rng.Next() >> 61);
        var offsetX = rng.NextDouble() * tile.Side;
        var offsetY = rng.NextDouble() * tile.Side;
        var scale = Math.Sqrt(tile.Density / field.MaxDensityPerMm2); // mm per tile unit
        var period = tile.Side * scale;
        var bounds = field.Bounds;
        var ramp = design.Sessions.Ramp;
        var last = ramp.Count - 1;
        var count = tile.Count;
        var xs = tile.X;
        var ys = tile.Y;
        var tilesX = (int)Math.Ceiling(bounds.Width / period);
        var tilesY = (int)Math.Ceiling(bounds.Height / period);
        for (var ty = 0; ty < tilesY; ty++)
        {
            for (var tx = 0; tx < tilesX; tx++)
            {
                for (var i = 0; i < count; i++)
                {
                    var (u, v) = Transform(xs[i], ys[i], symmetry, tile.Side);
                    u += offsetX;
                    v += offsetY;
                    u = u >= tile.Side ? u - tile.Side : u;
                    v = v >= tile.Side ? v - tile.Side : v;
                    var x = bounds.X + (((tx * tile.Side) + u) * scale);
                    var y = bounds.Y + (((ty * tile.Side) + v) * scale);
                    var density = field.Density(x, y, out var zone);
                    if (density <= 0)
                    {
                        continue;
                    }

                    var rank = (i + 0.5) / count;
                    var share = density / field.MaxDensityPerMm2;
                    if (rank >= ramp[last] * share)
                    {
                        continue;
                    }

                    var k = 0;
                    while (rank >= ramp[k] * share)
                    {
                        k++;
                    }

                    buckets[k].Add(new Placed(x, y, density, zone));
                }
            }
        }
    }

    /// <summary>One of the 8 symmetries of the square (rotations and reflections), which keep the torus seamless.</summary>
    private static (double U, double V) Transform(double x, double y, int symmetry, double side)
    {
        var (u, v) = (symmetry & 3) switch
        {
            0 => (x, y),
            1 => (side - y, x),
            2 => (side - x, side - y),
            _ => (y, side - x),
        };
        if ((symmetry & 4) != 0)
        {
            u = side - u;
        }

        // side − 0 would be outside [0, side); fold it back.
        return (u >= side ? u - side : u, v >= side ? v - side : v);
    }

    private static Dot[] BuildDots(DesignDocument design, DensityField field, List<Placed>[] buckets, out int[] perSession)
    {
        var sizes = Xoshiro256.For(design.Seed, SizeStream);
        perSession = [.. buckets.Select(b => b.Count)];
        var dots = new Dot[perSession.Sum()];
        var index = 0;
        for (var k = 0; k < buckets.Length; k++)
        {
            foreach (var p in buckets[k])
            {
                var zone = design.Zones[p.Zone];
                var band = Math.Clamp(field.BandPosition(p.X, p.Y), 0, 1);
                var share = FrontDiameterShare + ((1 - FrontDiameterShare) * band);
                var jitter = 1 + (DiameterJitter * ((2 * sizes.NextDouble()) - 1));
                dots[index++] = new Dot((float)p.X, (float)p.Y, (float)(zone.DotDiameterMm * share * jitter), (byte)(k + 1), p.Zone);
            }
        }

        return dots;
    }

    private static ZoneResult[] Tally(DesignDocument design, DensityField field, Dot[] dots, double[] areaMm2, byte[] interior)
    {
        var count = new int[design.Zones.Count];
        var inside = new int[design.Zones.Count];
        var interiorCells = new int[design.Zones.Count];
        foreach (var cellZone in interior)
        {
            if (cellZone != DensityField.NoZone)
            {
                interiorCells[cellZone]++;
            }
        }

        foreach (var dot in dots)
        {
            count[dot.Zone]++;
            var cell = field.CellIndex(dot.X, dot.Y);
            if (cell >= 0 && interior[cell] == dot.Zone)
            {
                inside[dot.Zone]++;
            }
        }

        const double CellCm2 = DensityField.CellMm * DensityField.CellMm / 100;
        return [.. design.Zones.Select((z, i) => new ZoneResult(
            i, areaMm2[i] / 100, interiorCells[i] * CellCm2, count[i], inside[i], z.Kind == ZoneKind.Exclusion ? 0 : z.DensityPerCm2))];
    }

    /// <summary>The minimum-distance ratio over neighbouring pairs (capped at 1.25), and the share of interior cell centres with a dot within one nominal spacing (1/√ρ).</summary>
    private static (double Ratio, double Coverage) Measure(DensityField field, DotGrid grid, byte[] interior)
    {
        // A pair breaks the rule only if it is closer than β/√ρ of its denser point, so each point looks that far (and a
        // quarter more, so ratios up to 1.25 are reported exactly; anything larger reads as 1.25).
        var ratio = double.PositiveInfinity;
        for (var p = 0; p < grid.Count; p++)
        {
            var search = 1.25 * MinimumDistanceFactor / Math.Sqrt(grid.Density(p));
            ratio = Math.Min(ratio, grid.NearestRatio(grid.X(p), grid.Y(p), grid.Density(p), search, p, MinimumDistanceFactor));
        }

        ratio = Math.Min(ratio, 1.25);

        var cells = 0;
        var covered = 0;
        for (var j = 0; j < field.Height; j++)
        {
            for (var i = 0; i < field.Width; i++)
            {
                if (interior[(j * field.Width) + i] == DensityField.NoZone)
                {
                    continue;
                }

                var x = field.OriginX + ((i + 0.5) * DensityField.CellMm);
                var y = field.OriginY + ((j + 0.5) * DensityField.CellMm);
                var density = field.Density(x, y, out _);
                cells++;
                if (density > 0 && grid.AnyWithin(x, y, 1 / Math.Sqrt(density)))
                {
                    covered++;
                }
            }
        }

        return (ratio, cells == 0 ? 1 : (double)covered / cells);
    }

    private static MapRect ViewBounds(DesignDocument design)
    {
        var points = design.Zones.Where(z => z.Kind != ZoneKind.Exclusion).SelectMany(z => z.Polygon).Concat(design.Hairline.Points).ToList();
        var minX = points.Min(p => p.X);
        var minY = points.Min(p => p.Y);
        return new MapRect(minX, minY, points.Max(p => p.X) - minX, points.Max(p => p.Y) - minY).Inflate(5);
    }
}

namespace Stipple.Core.Design;

/// <summary>
/// The target density of a design everywhere on the map, rasterised once so the sampler can ask for it in O(1).
/// Cells are <see cref="CellMm"/> square. Each cell knows its zone (later zones painted over earlier ones,
/// exclusions over all) and whether a zone edge crosses it, in which case the exact polygons decide. The transition
/// band is a field on the cell corners: <c>d′</c>, the distance (mm) behind the band's wandering front, bilinearly
/// interpolated. Density = zone density × ramp(d′), zero ahead of the front.
/// </summary>
internal sealed class DensityField
{
    public const double CellMm = 1.0;
    public const byte NoZone = 255;

    private const double AheadClampMm = 8;

    private readonly IReadOnlyList<ZoneSpec> zones;
    private readonly MapPoint[][] polygons;
    private readonly byte[] zoneOf;
    private readonly bool[] edge;
    private readonly bool[] banded;
    private readonly float[] front;
    private readonly double[] densityPerMm2;
    private readonly double behindClampMm;

    public DensityField(DesignDocument design, HairlineCurve curve)
    {
        zones = design.Zones;
        polygons = [.. zones.Select(z => z.Polygon.ToArray())];
        Transition = design.Transition;
        Noise = new BandNoise(design.Seed, design.Transition.IrregularityMm);
        densityPerMm2 = [.. zones.Select(z => z.Kind == ZoneKind.Exclusion ? 0 : z.DensityPerCm2 / 100)];
        behindClampMm = Transition.DepthMm + Transition.IrregularityMm + 2;

        var minX = double.MaxValue;
        var minY = double.MaxValue;
        var maxX = double.MinValue;
        var maxY = double.MinValue;
        for (var z = 0; z < zones.Count; z++)
        {
            if (zones[z].Kind == ZoneKind.Exclusion)
            {
                continue;
            }

            foreach (var p in polygons[z])
            {
                minX = Math.Min(minX, p.X);
                minY = Math.Min(minY, p.Y);
                maxX = Math.Max(maxX, p.X);
                maxY = Math.Max(maxY, p.Y);
            }
        }

        OriginX = Math.Floor(minX) - CellMm;
        OriginY = Math.Floor(minY) - CellMm;
        Width = (int)Math.Ceiling((maxX - OriginX) / CellMm) + 1;
        Height = (int)Math.Ceiling((maxY - OriginY) / CellMm) + 1;

        zoneOf = new byte[Width * Height];
        edge = new bool[Width * Height];
        banded = new bool[Width * Height];
        front = new float[(Width + 1) * (Height + 1)];
        PaintZones();
        MarkEdges();
        BuildFront(curve);

        MaxDensityPerMm2 = densityPerMm2.Max();
        MinDensityPerMm2 = Transition.StartFraction * densityPerMm2.Where(d => d > 0).Min();
    }

    public double OriginX { get; }

    public double OriginY { get; }

    public int Width { get; }

    public int Height { get; }

    public TransitionSpec Transition { get; }

    public BandNoise Noise { get; }

    /// <summary>Highest density anywhere (per mm²).</summary>
    public double MaxDensityPerMm2 { get; }

    /// <summary>Lowest density above zero anywhere (per mm²): the front of the band in the sparsest zone.</summary>
    public double MinDensityPerMm2 { get; }

    public MapRect Bounds => new(OriginX, OriginY, Width * CellMm, Height * CellMm);

    /// <summary>Target density at (x, y) per mm², and the zone there (<see cref="NoZone"/> when none).</summary>
    public double Density(double x, double y, out byte zone)
    {
        zone = NoZone;
        var i = (int)Math.Floor((x - OriginX) / CellMm);
        var j = (int)Math.Floor((y - OriginY) / CellMm);
        if ((uint)i >= (uint)Width || (uint)j >= (uint)Height)
        {
            return 0;
        }

        var cell = (j * Width) + i;
        zone = edge[cell] ? ExactZone(x, y) : zoneOf[cell];
        if (zone == NoZone)
        {
            return 0;
        }

        var density = densityPerMm2[zone];
        if (banded[cell])
        {
            var d = FrontDistance(x, y, i, j);
            if (d <= 0)
            {
                return 0;
            }

            density *= Ramp(d);
        }

        return density;
    }

    /// <summary>Where (x, y) is in the band: 0 at the front, 1 at full depth and beyond; negative ahead of the front.</summary>
    public double BandPosition(double x, double y)
    {
        var i = (int)Math.Floor((x - OriginX) / CellMm);
        var j = (int)Math.Floor((y - OriginY) / CellMm);
        if ((uint)i >= (uint)Width || (uint)j >= (uint)Height || !banded[(j * Width) + i])
        {
            return 1;
        }

        return Math.Min(1, FrontDistance(x, y, i, j) / Transition.DepthMm);
    }

    /// <summary>The zone at (x, y) by the exact polygons: exclusions first, then the last zone that contains the point.</summary>
    public byte ExactZone(double x, double y)
    {
        for (var z = 0; z < polygons.Length; z++)
        {
            if (zones[z].Kind == ZoneKind.Exclusion && Geometry.Contains(polygons[z], x, y))
            {
                return NoZone;
            }
        }

        for (var z = polygons.Length - 1; z >= 0; z--)
        {
            if (zones[z].Kind != ZoneKind.Exclusion && Geometry.Contains(polygons[z], x, y))
            {
                return (byte)z;
            }
        }

        return NoZone;
    }

    /// <summary>Signed distance (mm) behind the band's front at (x, y); positive behind.</summary>
    public double FrontDistance(double x, double y)
    {
        var i = Math.Clamp((int)Math.Floor((x - OriginX) / CellMm), 0, Width - 1);
        var j = Math.Clamp((int)Math.Floor((y - OriginY) / CellMm), 0, Height - 1);
        return FrontDistance(x, y, i, j);
    }

    /// <summary>
    /// Area per zone (mm²) where dots belong: inside the zone and behind the band's front; and a mask of interior
    /// cells (zone index, or <see cref="NoZone"/>) at least <paramref name="marginMm"/> from any edge and behind the band.
    /// </summary>
    public (double[] AreaMm2, byte[] Interior) Measure(double marginMm)
    {
        var area = new double[zones.Count];
        var interior = new byte[Width * Height];
        const int Sub = 4;
        const double SubArea = CellMm * CellMm / (Sub * Sub);
        for (var j = 0; j < Height; j++)
        {
            for (var i = 0; i < Width; i++)
            {
                var cell = (j * Width) + i;
                interior[cell] = NoZone;
                if (zoneOf[cell] == NoZone && !edge[cell])
                {
                    continue;
                }

                if (!edge[cell] && !banded[cell])
                {
                    area[zoneOf[cell]] += CellMm * CellMm;
                    interior[cell] = zoneOf[cell];
                    continue;
                }

                for (var sy = 0; sy < Sub; sy++)
                {
                    for (var sx = 0; sx < Sub; sx++)
                    {
                        var x = OriginX + ((i + ((sx + 0.5) / Sub)) * CellMm);
                        var y = OriginY + ((j + ((sy + 0.5) / Sub)) * CellMm);
                        var zone = edge[cell] ? ExactZone(x, y) : zoneOf[cell];
                        if (zone != NoZone && (!banded[cell] || FrontDistance(x, y, i, j) > 0))
                        {
                            area[zone] += SubArea;
                        }
                    }
                }
            }
        }

        Erode(interior, (int)Math.Ceiling(marginMm / CellMm));
        return (area, interior);
    }

    public int CellIndex(double x, double y)
    {
        var i = (int)Math.Floor((x - OriginX) / CellMm);
        var j = (int)Math.Floor((y - OriginY) / CellMm);
        return (uint)i < (uint)Width && (uint)j < (uint)Height ? (j * Width) + i : -1;
    }

    private double Ramp(double d)
    {
        var u = d >= Transition.DepthMm ? 1 : d / Transition.DepthMm;
        return Transition.StartFraction + ((1 - Transition.StartFraction) * u * u * (3 - (2 * u)));
    }

    private double FrontDistance(double x, double y, int i, int j)
    {
        var fx = ((x - OriginX) / CellMm) - i;
        var fy = ((y - OriginY) / CellMm) - j;
        double a = front[Node(i, j)];
        double b = front[Node(i + 1, j)];
        double c = front[Node(i, j + 1)];
        double d = front[Node(i + 1, j + 1)];
        var top = a + ((b - a) * fx);
        var bottom = c + ((d - c) * fx);
        return top + ((bottom - top) * fy);
    }

    private int Node(int i, int j) => (j * (Width + 1)) + i;

    private void PaintZones()
    {
        Array.Fill(zoneOf, NoZone);
        for (var z = 0; z < zones.Count; z++)
        {
            if (zones[z].Kind != ZoneKind.Exclusion)
            {
                FillPolygon(polygons[z], (byte)z);
            }
        }

        for (var z = 0; z < zones.Count; z++)
        {
            if (zones[z].Kind == ZoneKind.Exclusion)
            {
                FillPolygon(polygons[z], NoZone);
            }
        }
    }

    /// <summary>Scanline fill by cell centres, even–odd rule.</summary>
    private void FillPolygon(MapPoint[] polygon, byte value)
    {
        var crossings = new double[polygon.Length];
        for (var j = 0; j < Height; j++)
        {
            var n = Crossings(polygon, OriginY + ((j + 0.5) * CellMm), crossings);
            for (var k = 0; k + 1 < n; k += 2)
            {
                var i0 = Math.Max(0, (int)Math.Ceiling(((crossings[k] - OriginX) / CellMm) - 0.5));
                var i1 = Math.Min(Width - 1, (int)Math.Ceiling(((crossings[k + 1] - OriginX) / CellMm) - 0.5) - 1);
                for (var i = i0; i <= i1; i++)
                {
                    zoneOf[(j * Width) + i] = value;
                }
            }
        }
    }

    /// <summary>Where the horizontal line at <paramref name="y"/> crosses the polygon's edges, sorted into <paramref name="xs"/>; returns how many.</summary>
    private static int Crossings(MapPoint[] polygon, double y, double[] xs)
    {
        var n = 0;
        for (int a = 0, b = polygon.Length - 1; a < polygon.Length; b = a++)
        {
            var p = polygon[a];
            var q = polygon[b];
            if ((p.Y > y) != (q.Y > y))
            {
                xs[n++] = p.X + ((y - p.Y) * (q.X - p.X) / (q.Y - p.Y));
            }
        }

        Array.Sort(xs, 0, n);
        return n;
    }

    /// <summary>Flags every cell an edge of any zone passes through, and their neighbours (conservative).</summary>
    private void MarkEdges()
    {
        foreach (var polygon in polygons)
        {
            for (int a = 0, b = polygon.Length - 1; a < polygon.Length; b = a++)
            {
                var p = polygon[b];
                var q = polygon[a];
                var length = Math.Sqrt(((q.X - p.X) * (q.X - p.X)) + ((q.Y - p.Y) * (q.Y - p.Y)));
                var steps = (int)Math.Ceiling(length / (CellMm / 4)) + 1;
                for (var s = 0; s <= steps; s++)
                {
                    var x = p.X + ((q.X - p.X) * s / steps);
                    var y = p.Y + ((q.Y - p.Y) * s / steps);
                    var ci = (int)Math.Floor((x - OriginX) / CellMm);
                    var cj = (int)Math.Floor((y - OriginY) / CellMm);
                    for (var dj = -1; dj <= 1; dj++)
                    {
                        for (var di = -1; di <= 1; di++)
                        {
                            var i = ci + di;
                            var j = cj + dj;
                            if ((uint)i < (uint)Width && (uint)j < (uint)Height)
                            {
                                edge[(j * Width) + i] = true;
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Computes d′ on every cell corner near the hairline; elsewhere a clamp (well behind, or well ahead).</summary>
    private void BuildFront(HairlineCurve curve)
    {
        var nodesX = Width + 1;
        var nodesY = Height + 1;
        var behind = new bool[nodesX * nodesY];
        var region = curve.BehindRegion();
        var crossings = new double[region.Length];
        for (var j = 0; j < nodesY; j++)
        {
            var n = Crossings(region, OriginY + (j * CellMm), crossings);
            for (var k = 0; k + 1 < n; k += 2)
            {
                var i0 = Math.Max(0, (int)Math.Ceiling((crossings[k] - OriginX) / CellMm));
                var i1 = Math.Min(nodesX - 1, (int)Math.Floor((crossings[k + 1] - OriginX) / CellMm));
                for (var i = i0; i <= i1; i++)
                {
                    behind[(j * nodesX) + i] = true;
                }
            }
        }

        var nearest = new float[nodesX * nodesY];
        var arcAt = new float[nodesX * nodesY];
        Array.Fill(nearest, float.PositiveInfinity);
        var reach = Math.Max(behindClampMm, AheadClampMm);
        var points = curve.Points;
        var arc = curve.ArcLength;
        for (var s = 1; s < points.Length; s++)
        {
            var a = points[s - 1];
            var b = points[s];
            var segment = arc[s] - arc[s - 1];
            var i0 = Math.Max(0, (int)Math.Floor((Math.Min(a.X, b.X) - reach - OriginX) / CellMm));
            var i1 = Math.Min(nodesX - 1, (int)Math.Ceiling((Math.Max(a.X, b.X) + reach - OriginX) / CellMm));
            var j0 = Math.Max(0, (int)Math.Floor((Math.Min(a.Y, b.Y) - reach - OriginY) / CellMm));
            var j1 = Math.Min(nodesY - 1, (int)Math.Ceiling((Math.Max(a.Y, b.Y) + reach - OriginY) / CellMm));
            for (var j = j0; j <= j1; j++)
            {
                for (var i = i0; i <= i1; i++)
                {
                    var squared = Geometry.SegmentDistanceSquared(a, b, OriginX + (i * CellMm), OriginY + (j * CellMm), out var t);
                    var node = (j * nodesX) + i;
                    if (squared < nearest[node] * (double)nearest[node])
                    {
                        nearest[node] = (float)Math.Sqrt(squared);
                        arcAt[node] = (float)(arc[s - 1] + (t * segment));
                    }
                }
            }
        }

        for (var node = 0; node < front.Length; node++)
        {
            double d = behind[node] ? behindClampMm : -AheadClampMm;
            if (!float.IsPositiveInfinity(nearest[node]))
            {
                var signed = behind[node] ? nearest[node] : -nearest[node];
                d = Math.Clamp(signed - Noise.At(arcAt[node]), -AheadClampMm, behindClampMm);
            }

            front[node] = (float)d;
        }

        for (var j = 0; j < Height; j++)
        {
            for (var i = 0; i < Width; i++)
            {
                var least = Math.Min(Math.Min(front[Node(i, j)], front[Node(i + 1, j)]), Math.Min(front[Node(i, j + 1)], front[Node(i + 1, j + 1)]));
                banded[(j * Width) + i] = least < Transition.DepthMm;
            }
        }
    }

    /// <summary>Keeps a cell's zone only if every cell within <paramref name="radius"/> cells (a square) has the same zone: separable run-length erosion.</summary>
    private void Erode(byte[] mask, int radius)
    {
        var scratch = new byte[mask.Length];
        ErodeLines(mask, scratch, Height, Width, 1, Width, radius);
        ErodeLines(scratch, mask, Width, Height, Width, 1, radius);
    }

    private static void ErodeLines(byte[] source, byte[] target, int lines, int length, int step, int lineStride, int radius)
    {
        for (var line = 0; line < lines; line++)
        {
            var start = line * lineStride;
            var runStart = 0;
            for (var k = 1; k <= length; k++)
            {
                if (k < length && source[start + (k * step)] == source[start + (runStart * step)])
                {
                    continue;
                }

                for (var m = runStart; m < k; m++)
                {
                    var keep = m - runStart >= radius && k - 1 - m >= radius;
                    target[start + (m * step)] = keep ? source[start + (m * step)] : NoZone;
                }

                runStart = k;
            }
        }
    }
}

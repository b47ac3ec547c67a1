namespace Stipple.Core.Design;

/// <summary>
/// A progressive Poisson-disk point set on a square torus, the raw material of every design. The points are ranked
/// so that every prefix is itself an even Poisson-disk set: they are made in stages of rising density (each
/// <see cref="StageGrowth"/> times the last, from 16 points to <see cref="TargetCount"/>), every stage throwing darts
/// between the points of the earlier ones with the stage's radius r_s = α/√δ_s, on a background grid of cells of
/// r_s/√2 (at most one point each) visited in a shuffled order pass after pass; a cell leaves the list when it holds
/// a point or a neighbour's disk covers it (dart throwing with the covered-cell test of Ebeida et al., "Efficient
/// maximal Poisson-disk sampling", SIGGRAPH 2011; progressive ordering as in McCool &amp; Fiume, "Hierarchical
/// Poisson disk sampling distributions", GI 1992). Keeping the points whose rank is below a share t of the total
/// gives density t with no more than a rounding error, which is how the engine makes variable density, the
/// transition band and the session ramp from one set (the threshold idea of ordered dithering).
/// Built once per process from a fixed seed with integer random numbers and IEEE arithmetic: identical everywhere.
/// </summary>
internal sealed class BlueNoiseTile
{
    /// <summary>About how many points the tile holds; its side is √TargetCount in units where the density is ≈ 1.</summary>
    public const int TargetCount = 8192;

    /// <summary>Density ratio between consecutive stages.</summary>
    public const double StageGrowth = 1.25;

    /// <summary>ρ·r² of each stage's dart throwing (a maximal random packing reaches about 0.6967).</summary>
    public const double PackingConstant = 0.65;

    /// <summary>Dart passes over a stage's cells: bounds the work.</summary>
    public const int Passes = 8;

    private const ulong GeneratorSeed = 0x5EED_57199_1E5UL;

    private static readonly Lazy<BlueNoiseTile> SharedTile = new(() => new BlueNoiseTile(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly double[] xs;
    private readonly double[] ys;

    private BlueNoiseTile()
    {
        Side = Math.Sqrt(TargetCount);
        xs = new double[TargetCount * 2];
        ys = new double[TargetCount * 2];
        var rng = new Xoshiro256(GeneratorSeed);
        var stages = 0;
        var density = 1.0;
        while (density * TargetCount > 16)
        {
            density /= StageGrowth;
            stages++;
        }

        for (var s = 0; s <= stages; s++, density *= StageGrowth)
        {
            RunStage(Math.Sqrt(PackingConstant / Math.Min(density, 1)), ref rng);
        }

        Density = Count / (Side * Side);
    }

    /// <summary>The tile shared by every design.</summary>
    public static BlueNoiseTile Shared => SharedTile.Value;

    /// <summary>Side of the torus (tile units).</summary>
    public double Side { get; }

    /// <summary>Points in the tile.</summary>
    public int Count { get; private set; }

    /// <summary>Points per unit² of the whole set.</summary>
    public double Density { get; }

    /// <summary>X of the points in rank order, in [0, <see cref="Side"/>).</summary>
    public ReadOnlySpan<double> X => xs.AsSpan(0, Count);

    /// <summary>Y of the points in rank order.</summary>
    public ReadOnlySpan<double> Y => ys.AsSpan(0, Count);

    private void RunStage(double radius, ref Xoshiro256 rng)
    {
        var n = (int)Math.Ceiling(Side / (radius / Math.Sqrt(2)));
        var cell = Side / n;
        var grid = new int[n * n];
        for (var p = 0; p < Count; p++)
        {
            grid[(Cell(ys[p], cell, n) * n) + Cell(xs[p], cell, n)] = p + 1;
        }

        var cells = new int[n * n];
        var live = 0;
        for (var c = 0; c < grid.Length; c++)
        {
            if (grid[c] == 0)
            {
                cells[live++] = c;
            }
        }

        for (var i = live - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (cells[i], cells[j]) = (cells[j], cells[i]);
        }

        var reach = (int)Math.Ceiling(radius / cell);
        var radiusSquared = radius * radius;
        var coverSquared = (radius - (cell / Math.Sqrt(2))) * (radius - (cell / Math.Sqrt(2)));
        for (var pass = 0; pass < Passes && live > 0; pass++)
        {
            var kept = 0;
            for (var k = 0; k < live; k++)
            {
                var index = cells[k];
                if (grid[index] != 0)
                {
                    continue;
                }

                var gi = index % n;
                var gj = index / n;
                var x = (gi + rng.NextDouble()) * cell;
                var y = (gj + rng.NextDouble()) * cell;
                var conflict = -1;
                for (var dj = -reach; dj <= reach && conflict < 0; dj++)
                {
                    var row = (gj + dj + n) % n;
                    for (var di = -reach; di <= reach; di++)
                    {
                        var q = grid[(row * n) + ((gi + di + n) % n)] - 1;
                        if (q >= 0 && WrappedDistanceSquared(xs[q] - x, ys[q] - y) < radiusSquared)
                        {
                            conflict = q;
                            break;
                        }
                    }
                }

                if (conflict < 0)
                {
                    xs[Count] = x;
                    ys[Count] = y;
                    Count++;
                    grid[index] = Count;
                    continue;
                }

                // Covered: the cell's centre is within r − half a diagonal of the conflicting point, so no dart can land.
                var centre = WrappedDistanceSquared(xs[conflict] - ((gi + 0.5) * cell), ys[conflict] - ((gj + 0.5) * cell));
                if (centre > coverSquared)
                {
                    cells[kept++] = index;
                }
            }

            live = kept;
        }
    }

    private static int Cell(double v, double cell, int n) => Math.Min(n - 1, (int)(v / cell));

    private double WrappedDistanceSquared(double dx, double dy)
    {
        var half = Side / 2;
        dx = dx > half ? dx - Side : dx < -half ? dx + Side : dx;
        dy = dy > half ? dy - Side : dy < -half ? dy + Side : dy;
        return (dx * dx) + (dy * dy);
    }
}

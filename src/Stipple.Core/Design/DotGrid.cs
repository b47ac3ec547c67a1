namespace Stipple.Core.Design;

/// <summary>
/// A bucket grid over placed dots for neighbour queries (linked lists per cell, so any number fit). Used to keep
/// sentinels clear of other dots and to measure the finished set.
/// </summary>
internal sealed class DotGrid
{
    private readonly MapRect bounds;
    private readonly double cell;
    private readonly int width;
    private readonly int height;
    private readonly int[] head;
    private int[] next;
    private double[] xs;
    private double[] ys;
    private double[] density;

    public DotGrid(MapRect bounds, double cellMm, int capacity)
    {
        this.bounds = bounds;
        cell = cellMm;
        width = Math.Max(1, (int)Math.Ceiling(bounds.Width / cell));
        height = Math.Max(1, (int)Math.Ceiling(bounds.Height / cell));
        head = new int[width * height];
        Array.Fill(head, -1);
        next = new int[Math.Max(16, capacity)];
        xs = new double[next.Length];
        ys = new double[next.Length];
        density = new double[next.Length];
    }

    public int Count { get; private set; }

    public void Add(double x, double y, double localDensity)
    {
        if (Count == next.Length)
        {
            Array.Resize(ref next, Count * 2);
            Array.Resize(ref xs, Count * 2);
            Array.Resize(ref ys, Count * 2);
            Array.Resize(ref density, Count * 2);
        }

        var c = CellOf(x, y);
        xs[Count] = x;
        ys[Count] = y;
        density[Count] = localDensity;
        next[Count] = head[c];
        head[c] = Count;
        Count++;
    }

    /// <summary>
    /// The smallest ratio distance / (β / √max(ρ_p, ρ_q)) between (x, y) with density <paramref name="localDensity"/>
    /// and every dot within <paramref name="searchMm"/>, leaving out dot <paramref name="exclude"/>; +∞ when none is near.
    /// </summary>
    public double NearestRatio(double x, double y, double localDensity, double searchMm, int exclude, double beta)
    {
        var best = double.PositiveInfinity;
        var reach = (int)Math.Ceiling(searchMm / cell);
        var gi = Math.Clamp((int)((x - bounds.X) / cell), 0, width - 1);
        var gj = Math.Clamp((int)((y - bounds.Y) / cell), 0, height - 1);
        for (var row = Math.Max(0, gj - reach); row <= Math.Min(height - 1, gj + reach); row++)
        {
            for (var col = Math.Max(0, gi - reach); col <= Math.Min(width - 1, gi + reach); col++)
            {
                for (var q = head[(row * width) + col]; q >= 0; q = next[q])
                {
                    if (q == exclude)
                    {
                        continue;
                    }

                    var dx = xs[q] - x;
                    var dy = ys[q] - y;
                    best = Math.Min(best, ((dx * dx) + (dy * dy)) * Math.Max(localDensity, density[q]));
                }
            }
        }

        return Math.Sqrt(best) / beta;
    }

    /// <summary>True when some dot lies within <paramref name="distanceMm"/> of (x, y).</summary>
    public bool AnyWithin(double x, double y, double distanceMm)
    {
        var reach = (int)Math.Ceiling(distanceMm / cell);
        var gi = Math.Clamp((int)((x - bounds.X) / cell), 0, width - 1);
        var gj = Math.Clamp((int)((y - bounds.Y) / cell), 0, height - 1);
        var limit = distanceMm * distanceMm;
        for (var row = Math.Max(0, gj - reach); row <= Math.Min(height - 1, gj + reach); row++)
        {
            for (var col = Math.Max(0, gi - reach); col <= Math.Min(width - 1, gi + reach); col++)
            {
                for (var q = head[(row * width) + col]; q >= 0; q = next[q])
                {
                    var dx = xs[q] - x;
                    var dy = ys[q] - y;
                    if ((dx * dx) + (dy * dy) < limit)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    public double X(int index) => xs[index];

    public double Y(int index) => ys[index];

    public double Density(int index) => density[index];

    private int CellOf(double x, double y) =>
        (Math.Clamp((int)((y - bounds.Y) / cell), 0, height - 1) * width) + Math.Clamp((int)((x - bounds.X) / cell), 0, width - 1);
}

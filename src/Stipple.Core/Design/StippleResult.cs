namespace Stipple.Core.Design;

/// <summary>The engine's output for one design: every dot, and the figures the report is made from.</summary>
public sealed class StippleResult
{
    private readonly Dot[] dots;

    internal StippleResult(
        DesignDocument design,
        Dot[] dots,
        IReadOnlyList<ZoneResult> zones,
        IReadOnlyList<int> dotsPerSession,
        MapRect bounds,
        double midFrontalPointMm,
        double minimumDistanceRatio,
        double coverage,
        IReadOnlyList<DesignIssue> warnings)
    {
        Design = design;
        this.dots = dots;
        Zones = zones;
        DotsPerSession = dotsPerSession;
        Bounds = bounds;
        MidFrontalPointMm = midFrontalPointMm;
        MinimumDistanceRatio = minimumDistanceRatio;
        Coverage = coverage;
        Warnings = warnings;
    }

    /// <summary>The design the dots were placed for.</summary>
    public DesignDocument Design { get; }

    /// <summary>Every dot, ordered by session (session 1 first), then in placement order.</summary>
    public ReadOnlySpan<Dot> Dots => dots;

    /// <summary>Number of dots.</summary>
    public int DotCount => dots.Length;

    /// <summary>Per zone, in document order.</summary>
    public IReadOnlyList<ZoneResult> Zones { get; }

    /// <summary>Dots each session adds (index 0 is session 1).</summary>
    public IReadOnlyList<int> DotsPerSession { get; }

    /// <summary>The rectangle around every zone that receives dots, with a small margin: the default view.</summary>
    public MapRect Bounds { get; }

    /// <summary>Height of the hairline on the midline above the glabella (mm).</summary>
    public double MidFrontalPointMm { get; }

    /// <summary>
    /// Smallest distance between two dots divided by the local minimum distance for that pair (the mean of the two
    /// points' Poisson-disk radii). At least 1 means no two dots are closer than allowed.
    /// </summary>
    public double MinimumDistanceRatio { get; }

    /// <summary>
    /// Share of the zones' interiors lying within the local Poisson-disk radius of some dot (1 = maximal sampling:
    /// no gap where another dot would fit).
    /// </summary>
    public double Coverage { get; }

    /// <summary>Advice that does not stop the design (an aggressive hairline, a very large session).</summary>
    public IReadOnlyList<DesignIssue> Warnings { get; }

    /// <summary>The dots of sessions 1..<paramref name="session"/> (all of them when it is the last session).</summary>
    public ReadOnlySpan<Dot> DotsThroughSession(int session)
    {
        var count = 0;
        for (var k = 0; k < Math.Min(session, DotsPerSession.Count); k++)
        {
            count += DotsPerSession[k];
        }

        return dots.AsSpan(0, count);
    }
}

namespace Stipple.Core.Design;

/// <summary>
/// What a design amounts to, for people and machines (report.json, the API): per zone the area and the target and
/// achieved density; per session the dots and the estimated time; quality figures; how long the stippling took.
/// </summary>
public sealed record DesignReport
{
    /// <summary>The schema identifier of this version of the report.</summary>
    public const string SchemaV1 = "stipple.design-report/1";

    /// <summary>
    /// Default impressions per minute for time estimates: about 14,000 impressions in a 2–4 h session (smp-facts §3.3),
    /// i.e. about 78 a minute over 3 h. A studio setting overrides it.
    /// </summary>
    public const double DefaultImpressionsPerMinute = 78;

    public string Schema { get; init; } = SchemaV1;

    /// <summary>Every dot, all sessions, sentinels included.</summary>
    public int TotalDots { get; init; }

    /// <summary>Height of the hairline on the midline above the glabella (mm).</summary>
    public double MidFrontalPointMm { get; init; }

    public IReadOnlyList<ZoneReport> Zones { get; init; } = [];

    public IReadOnlyList<SessionReport> Sessions { get; init; } = [];

    public QualityReport Quality { get; init; } = new(0, 0, 0);

    /// <summary>Wall time the engine took to place the dots (ms), measured by the caller.</summary>
    public double StippleMilliseconds { get; init; }

    /// <summary>The rate the minutes were estimated with.</summary>
    public double ImpressionsPerMinute { get; init; }

    /// <summary>Advice about the design.</summary>
    public IReadOnlyList<DesignIssue> Warnings { get; init; } = [];

    /// <summary>Builds the report of <paramref name="result"/>.</summary>
    /// <param name="result">The engine's output.</param>
    /// <param name="impressionsPerMinute">The studio's rate, 1–1000.</param>
    /// <param name="stippleTime">How long <see cref="Stippler.Stipple"/> took.</param>
    public static DesignReport Create(StippleResult result, double impressionsPerMinute, TimeSpan stippleTime)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!double.IsFinite(impressionsPerMinute) || impressionsPerMinute is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(impressionsPerMinute), impressionsPerMinute, "Impressions per minute must be 1–1000.");
        }

        var design = result.Design;
        var sessions = new List<SessionReport>();
        var cumulative = 0;
        for (var k = 0; k < result.DotsPerSession.Count; k++)
        {
            var dots = result.DotsPerSession[k];
            cumulative += dots;
            sessions.Add(new SessionReport(
                k + 1,
                dots,
                cumulative,
                design.Sessions.Ramp[k],
                design.Sessions.ShadeStrength[k],
                Math.Round(dots / impressionsPerMinute)));
        }

        return new DesignReport
        {
            TotalDots = result.DotCount,
            MidFrontalPointMm = Math.Round(result.MidFrontalPointMm, 1),
            Zones = [.. result.Zones.Select(z => new ZoneReport(
                design.Zones[z.Index].Name,
                design.Zones[z.Index].Kind,
                Math.Round(z.AreaCm2, 2),
                Math.Round(z.InteriorAreaCm2, 2),
                z.TargetDensityPerCm2,
                Math.Round(z.AchievedDensityPerCm2, 1),
                z.Dots))],
            Sessions = sessions,
            Quality = new QualityReport(Math.Round(result.MinimumDistanceRatio, 4), Stippler.MinimumDistanceFactor, Math.Round(result.Coverage, 4)),
            StippleMilliseconds = Math.Round(stippleTime.TotalMilliseconds, 2),
            ImpressionsPerMinute = impressionsPerMinute,
            Warnings = result.Warnings,
        };
    }
}

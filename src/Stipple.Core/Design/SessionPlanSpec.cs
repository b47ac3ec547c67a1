namespace Stipple.Core.Design;

/// <summary>
/// How the dots are split over sessions (smp-facts §3.3, §6.4, §13.2): each session adds dots between the earlier
/// ones until the cumulative share <see cref="Ramp"/>[k] of the final density is reached.
/// </summary>
public sealed record SessionPlanSpec
{
    /// <summary>Most sessions a plan may have.</summary>
    public const int MaxCount = 4;

    /// <summary>Number of sessions (1–4; default 3).</summary>
    public int Count { get; init; } = 3;

    /// <summary>Cumulative fraction of the final density after each session: increasing, ending at 1. Default 0.3, 0.7, 1.</summary>
    public IReadOnlyList<double> Ramp { get; init; } = [0.3, 0.7, 1.0];

    /// <summary>
    /// Pigment strength per session as a fraction of the zone's shade (0.2–1): session 1 lighter (smp-facts §5.3, §13.3).
    /// Default 0.75, 0.9, 1.
    /// </summary>
    public IReadOnlyList<double> ShadeStrength { get; init; } = [0.75, 0.9, 1.0];

    /// <summary>The default cumulative ramp for <paramref name="count"/> sessions.</summary>
    public static IReadOnlyList<double> DefaultRamp(int count) => count switch
    {
        1 => [1.0],
        2 => [0.5, 1.0],
        3 => [0.3, 0.7, 1.0],
        _ => [0.25, 0.5, 0.75, 1.0],
    };

    /// <summary>The default shade strengths for <paramref name="count"/> sessions: the first lighter, the last full.</summary>
    public static IReadOnlyList<double> DefaultShadeStrength(int count) => count switch
    {
        1 => [1.0],
        2 => [0.8, 1.0],
        3 => [0.75, 0.9, 1.0],
        _ => [0.75, 0.85, 0.95, 1.0],
    };
}

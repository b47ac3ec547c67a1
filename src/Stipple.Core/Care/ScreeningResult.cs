using NodaTime;

namespace Stipple.Core.Care;

/// <summary>
/// The outcome of <see cref="CandidacyScreening.Evaluate"/>: every finding for one intake on one day
/// (<see cref="On"/>), with the summary a booking page needs. Immutable; equal when the day and the findings (in order)
/// are equal.
/// </summary>
public sealed record ScreeningResult
{
    /// <summary>Builds a result from findings in any order; they are sorted most severe first, then by rule.</summary>
    /// <param name="on">The day judged.</param>
    /// <param name="findings">The findings; none may be null.</param>
    public ScreeningResult(LocalDate on, IReadOnlyList<ScreeningFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        On = on;

        // OrderBy is stable: findings of one rule (studio questions) keep the order they were raised in.
        Findings = [.. findings
            .Select(f => f ?? throw new ArgumentException("A finding is null.", nameof(findings)))
            .OrderByDescending(f => f.Outcome)
            .ThenBy(f => ScreeningRules.Order(f.Rule))
            .ThenBy(f => f.Rule, StringComparer.Ordinal)];
        Overall = Findings.Count == 0 ? ScreeningOutcome.Ok : Findings.Max(f => f.Outcome);
        var deferrals = Findings.Where(f => f.Outcome == ScreeningOutcome.DeferUntil).ToList();
        DeferredUntil = deferrals.Where(f => f.Until is not null).Select(f => f.Until).Max();
        OpenEndedDeferral = deferrals.Exists(f => f.Until is null);
    }

    /// <summary>The day judged: today, or the day of a proposed session.</summary>
    public LocalDate On { get; }

    /// <summary>
    /// Every finding, most severe first (<see cref="ScreeningOutcome.HardStop"/> … <see cref="ScreeningOutcome.Ok"/>),
    /// then in the order of <see cref="ScreeningRules.All"/>.
    /// </summary>
    public IReadOnlyList<ScreeningFinding> Findings { get; }

    /// <summary>The most severe outcome among the findings; <see cref="ScreeningOutcome.Ok"/> when there are none.</summary>
    public ScreeningOutcome Overall { get; }

    /// <summary>
    /// The latest date among the dated deferrals (the first day every waiting period is over), or null when there is
    /// no dated deferral. A session may still be blocked on that day by other findings.
    /// </summary>
    public LocalDate? DeferredUntil { get; }

    /// <summary>Whether any deferral has no date ("until resolved"), to be re-checked at the pre-session check-in.</summary>
    public bool OpenEndedDeferral { get; }

    /// <summary>
    /// Whether an SMP session on <see cref="On"/> may not take place, and why; null when it may. A hard stop always
    /// blocks; a deferral blocks (a dated one until its <see cref="ScreeningFinding.Until"/>, which is after
    /// <see cref="On"/> by construction); a missing medical clearance blocks unless <paramref name="clearanceOnFile"/>.
    /// <para>
    /// Waiting periods, age and upcoming chemotherapy depend on the day, so to check a session on another day call
    /// <see cref="CandidacyScreening.Evaluate"/> with that day (or <see cref="CandidacyScreening.BlocksSmpSession"/>).
    /// Consultations are never blocked by screening; whether to hold one is the caller's business.
    /// </para>
    /// </summary>
    /// <param name="clearanceOnFile">A written medical clearance covering the client's conditions is on file.</param>
    public SmpBookingBlock? BlocksSmpSession(bool clearanceOnFile)
    {
        var blocking = Findings
            .Where(f => f.Outcome switch
            {
                ScreeningOutcome.HardStop => true,
                ScreeningOutcome.DeferUntil => f.Until is not { } until || On < until,
                ScreeningOutcome.NeedsMedicalClearance => !clearanceOnFile,
                _ => false,
            })
            .ToList();
        if (blocking.Count == 0)
        {
            return null;
        }

        var allDated = blocking.TrueForAll(f => f.Outcome == ScreeningOutcome.DeferUntil && f.Until is not null);
        return new SmpBookingBlock(
            blocking[0].Outcome,
            allDated ? blocking.Max(f => f.Until) : null,
            string.Join(" ", blocking.Select(f => f.Reason)),
            blocking);
    }

    /// <summary>Value equality: the same day and the same findings in the same order.</summary>
    public bool Equals(ScreeningResult? other) =>
        other is not null && On == other.On && Findings.SequenceEqual(other.Findings);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(On);
        foreach (var finding in Findings)
        {
            hash.Add(finding);
        }

        return hash.ToHashCode();
    }
}

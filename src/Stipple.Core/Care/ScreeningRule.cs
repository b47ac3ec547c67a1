namespace Stipple.Core.Care;

/// <summary>One entry of the screening rule catalogue (<see cref="ScreeningRules.All"/>), for settings pages and docs.</summary>
/// <param name="Id">The stable id used in <see cref="ScreeningFinding.Rule"/> and in stored settings, e.g. <c>isotretinoin</c>.</param>
/// <param name="Title">A short title in plain words.</param>
/// <param name="DefaultOutcome">
/// The outcome when the rule triggers with the default settings. Waiting-period rules report
/// <see cref="ScreeningOutcome.Ok"/> once the wait is over; clearance rules become <see cref="ScreeningOutcome.HardStop"/>
/// when the studio excludes instead (<see cref="ScreeningSettings.ExcludeInsteadOfClearance"/>).
/// </param>
/// <param name="Source">Where the rule comes from, e.g. <c>smp-facts §8.3, §13.1</c>.</param>
public sealed record ScreeningRule(string Id, string Title, ScreeningOutcome DefaultOutcome, string Source)
{
    /// <summary>
    /// Whether a studio may treat this rule as <see cref="ScreeningOutcome.HardStop"/> instead of asking for a medical
    /// clearance: true exactly for the rules whose default is <see cref="ScreeningOutcome.NeedsMedicalClearance"/>
    /// (sources say "doctor's approval or exclude", smp-facts §8.3).
    /// </summary>
    public bool MayExclude => DefaultOutcome == ScreeningOutcome.NeedsMedicalClearance;
}

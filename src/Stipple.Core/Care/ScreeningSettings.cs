using System.Collections.Frozen;
using System.Globalization;

namespace Stipple.Core.Care;

/// <summary>
/// The screening rules a studio may change (smp-facts §13.1: "defaults are parameters that each clinic can override").
/// Immutable; check a studio's values with <see cref="Validate"/> before saving them. Every wait is in days counted from
/// the event (last dose, last treatment, laser session, transplant); the first allowed day is the event date plus the
/// wait. Ranges follow the sources: where they disagree (§8.3, §11) the range spans them and the default is the
/// cautious middle.
/// </summary>
public sealed record ScreeningSettings
{
    /// <summary>Lowest minimum age (years): tattooing under 18 is an offence in Great Britain (Tattooing of Minors Act 1969, smp-facts §10.2).</summary>
    public const int MinimumAgeLow = 18;

    /// <summary>Highest minimum age accepted (years); a sanity bound, not a source.</summary>
    public const int MinimumAgeHigh = 99;

    /// <summary>Shortest isotretinoin wait (days): 3 months, the short end of the sources (smp-facts §8.3).</summary>
    public const int IsotretinoinWaitDaysLow = 90;

    /// <summary>Longest isotretinoin wait (days): 12 months, the long end of the sources (smp-facts §8.3).</summary>
    public const int IsotretinoinWaitDaysHigh = 365;

    /// <summary>Shortest chemotherapy wait (days): 6 months (smp-facts §8.3).</summary>
    public const int ChemotherapyWaitDaysLow = 180;

    /// <summary>Longest chemotherapy wait (days): "not within the last year" (smp-facts §8.3).</summary>
    public const int ChemotherapyWaitDaysHigh = 365;

    /// <summary>Shortest chemotherapy look-ahead (days): 0 turns the check off.</summary>
    public const int ChemotherapyLookaheadDaysLow = 0;

    /// <summary>Longest chemotherapy look-ahead (days); the source says 4 weeks (smp-facts §8.3).</summary>
    public const int ChemotherapyLookaheadDaysHigh = 90;

    /// <summary>Shortest laser-removal wait (days): "not within 90 days" (smp-facts §8.3).</summary>
    public const int LaserRemovalWaitDaysLow = 90;

    /// <summary>Longest laser-removal wait (days).</summary>
    public const int LaserRemovalWaitDaysHigh = 365;

    /// <summary>Shortest transplant wait (days): 6 months (smp-facts §8.3, weak source).</summary>
    public const int TransplantWaitDaysLow = 180;

    /// <summary>Longest transplant wait (days): 12 months (smp-facts §8.3).</summary>
    public const int TransplantWaitDaysHigh = 365;

    /// <summary>The defaults of smp-facts §13.1.</summary>
    public static ScreeningSettings Default { get; } = new();

    /// <summary>Minimum age in whole years on the day judged; 18–99, default 18. No parental consent lowers it.</summary>
    public int MinimumAge { get; init; } = 18;

    /// <summary>Days after the last isotretinoin dose before SMP; 90–365, default 180 (sources say 3–6 or 6–12 months).</summary>
    public int IsotretinoinWaitDays { get; init; } = 180;

    /// <summary>Days after the last chemotherapy treatment before SMP; 180–365, default 180 (sources say 6 or 12 months).</summary>
    public int ChemotherapyWaitDays { get; init; } = 180;

    /// <summary>
    /// No SMP when chemotherapy is due to start within this many days after the session; 0–90, default 28
    /// ("not within the next 4 weeks"). 0 turns the check off.
    /// </summary>
    public int ChemotherapyLookaheadDays { get; init; } = 28;

    /// <summary>Days after laser tattoo removal in the area before SMP; 90–365, default 90.</summary>
    public int LaserRemovalWaitDays { get; init; } = 90;

    /// <summary>Days after a hair transplant before SMP; 180–365, default 180 (the source says 6–12 months).</summary>
    public int TransplantWaitDays { get; init; } = 180;

    /// <summary>
    /// Ids of medical-clearance rules (<see cref="ScreeningRules.Excludable"/>) this studio treats as a hard stop
    /// instead: sources say "doctor's approval or exclude" (smp-facts §8.3). Empty by default (clearance everywhere).
    /// Compared ordinally.
    /// </summary>
    public IReadOnlySet<string> ExcludeInsteadOfClearance { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Whether the studio excludes instead of asking for a clearance under <paramref name="ruleId"/>.</summary>
    public bool Excludes(string ruleId) => ExcludeInsteadOfClearance.Contains(ruleId);

    /// <summary>
    /// The problems with these settings, each naming the camelCase field (e.g. <c>isotretinoinWaitDays</c>); empty when
    /// they are valid. <see cref="CandidacyScreening.Evaluate"/> refuses invalid settings.
    /// </summary>
    public IReadOnlyList<CareIssue> Validate()
    {
        var issues = new List<CareIssue>();
        if (MinimumAge < MinimumAgeLow)
        {
            issues.Add(new("minimumAge", "must be at least 18 years: no one under 18 is treated, whatever a parent consents to (Tattooing of Minors Act 1969)"));
        }
        else
        {
            Range(issues, "minimumAge", MinimumAge, MinimumAgeLow, MinimumAgeHigh, "years");
        }

        Range(issues, "isotretinoinWaitDays", IsotretinoinWaitDays, IsotretinoinWaitDaysLow, IsotretinoinWaitDaysHigh, "days");
        Range(issues, "chemotherapyWaitDays", ChemotherapyWaitDays, ChemotherapyWaitDaysLow, ChemotherapyWaitDaysHigh, "days");
        Range(issues, "chemotherapyLookaheadDays", ChemotherapyLookaheadDays, ChemotherapyLookaheadDaysLow, ChemotherapyLookaheadDaysHigh, "days");
        Range(issues, "laserRemovalWaitDays", LaserRemovalWaitDays, LaserRemovalWaitDaysLow, LaserRemovalWaitDaysHigh, "days");
        Range(issues, "transplantWaitDays", TransplantWaitDays, TransplantWaitDaysLow, TransplantWaitDaysHigh, "days");

        if (ExcludeInsteadOfClearance is null)
        {
            issues.Add(new("excludeInsteadOfClearance", "is required (an empty list means clearance for every rule)"));
        }
        else
        {
            foreach (var id in ExcludeInsteadOfClearance.Order(StringComparer.Ordinal))
            {
                var rule = ScreeningRules.Find(id);
                if (rule is null)
                {
                    issues.Add(new("excludeInsteadOfClearance", $"unknown rule id \"{id}\"; allowed: {string.Join(", ", ScreeningRules.Excludable)}"));
                }
                else if (!rule.MayExclude)
                {
                    issues.Add(new("excludeInsteadOfClearance", $"\"{id}\" is not a medical-clearance rule; allowed: {string.Join(", ", ScreeningRules.Excludable)}"));
                }
            }
        }

        return issues;
    }

    /// <summary>Value equality, with <see cref="ExcludeInsteadOfClearance"/> compared as a set.</summary>
    public bool Equals(ScreeningSettings? other) =>
        other is not null
        && MinimumAge == other.MinimumAge
        && IsotretinoinWaitDays == other.IsotretinoinWaitDays
        && ChemotherapyWaitDays == other.ChemotherapyWaitDays
        && ChemotherapyLookaheadDays == other.ChemotherapyLookaheadDays
        && LaserRemovalWaitDays == other.LaserRemovalWaitDays
        && TransplantWaitDays == other.TransplantWaitDays
        && (ReferenceEquals(ExcludeInsteadOfClearance, other.ExcludeInsteadOfClearance)
            || (ExcludeInsteadOfClearance is not null && other.ExcludeInsteadOfClearance is not null
                && ExcludeInsteadOfClearance.SetEquals(other.ExcludeInsteadOfClearance)));

    public override int GetHashCode()
    {
        // Order-independent over the set so equal sets hash alike.
        var excluded = 0;
        foreach (var id in ExcludeInsteadOfClearance ?? FrozenSet<string>.Empty)
        {
            excluded ^= StringComparer.Ordinal.GetHashCode(id);
        }

        return HashCode.Combine(MinimumAge, IsotretinoinWaitDays, ChemotherapyWaitDays, ChemotherapyLookaheadDays,
            LaserRemovalWaitDays, TransplantWaitDays, excluded);
    }

    private static void Range(List<CareIssue> issues, string field, int value, int low, int high, string unit)
    {
        if (value < low || value > high)
        {
            issues.Add(new(field, string.Create(CultureInfo.InvariantCulture, $"must be between {low} and {high} {unit}")));
        }
    }
}

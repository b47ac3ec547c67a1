using System.Collections.Frozen;

namespace Stipple.Core.Care;

/// <summary>
/// The catalogue of candidacy screening rules: stable ids (stored in findings and in studio settings, never renamed),
/// titles, default outcomes and sources. The order of <see cref="All"/> is the order findings of equal severity are
/// listed in. Facts: smp-facts §8.3 (contraindications and deferrals), §10.2 (age), §13.1 (rules to encode).
/// </summary>
public static class ScreeningRules
{
    /// <summary>Under the studio's minimum age (18 or more) on the day judged: hard stop.</summary>
    public const string Age = "age";

    /// <summary>Pregnant: hard stop.</summary>
    public const string Pregnancy = "pregnancy";

    /// <summary>Breastfeeding: hard stop.</summary>
    public const string Breastfeeding = "breastfeeding";

    /// <summary>Known allergy to tattoo pigment without a documented negative patch test: hard stop.</summary>
    public const string PigmentAllergy = "pigment-allergy";

    /// <summary>Under the influence of alcohol or drugs on the day: hard stop.</summary>
    public const string UnderInfluence = "under-influence";

    /// <summary>Active skin condition in the treatment area: deferred until it has cleared.</summary>
    public const string SkinCondition = "skin-condition";

    /// <summary>Sunburn, fresh tan, cuts or bruising on the scalp: deferred until healed.</summary>
    public const string ScalpInjury = "scalp-injury";

    /// <summary>Oral isotretinoin: deferred until the studio's wait after the last dose has passed.</summary>
    public const string Isotretinoin = "isotretinoin";

    /// <summary>Chemotherapy taken or ongoing: deferred until the studio's wait after the last treatment has passed.</summary>
    public const string Chemotherapy = "chemotherapy";

    /// <summary>
    /// Chemotherapy due to start within <see cref="ScreeningSettings.ChemotherapyLookaheadDays"/> after the day judged:
    /// deferred. A course planned later is a warning (plan the sessions to end before it).
    /// </summary>
    public const string ChemotherapyUpcoming = "chemotherapy-upcoming";

    /// <summary>Laser tattoo removal in the treatment area: deferred until the studio's wait has passed.</summary>
    public const string LaserRemoval = "laser-removal";

    /// <summary>Hair transplant: deferred until the studio's wait has passed.</summary>
    public const string Transplant = "transplant";

    /// <summary>Anticoagulant or antiplatelet medicine: medical clearance.</summary>
    public const string Anticoagulants = "anticoagulants";

    /// <summary>Bleeding disorder: medical clearance.</summary>
    public const string BleedingDisorder = "bleeding-disorder";

    /// <summary>Diabetes: medical clearance.</summary>
    public const string Diabetes = "diabetes";

    /// <summary>High blood pressure or heart disease: medical clearance.</summary>
    public const string Heart = "heart";

    /// <summary>Heart valve condition needing prophylactic antibiotics: medical clearance.</summary>
    public const string Valve = "valve";

    /// <summary>Immune suppression, autoimmune disease, HIV, hepatitis or an immunosuppressant: medical clearance.</summary>
    public const string Immune = "immune";

    /// <summary>Epilepsy: medical clearance.</summary>
    public const string Epilepsy = "epilepsy";

    /// <summary>Keloid or hypertrophic scarring tendency: medical clearance.</summary>
    public const string Keloid = "keloid";

    /// <summary>Hair loss still progressing: warning.</summary>
    public const string ProgressingLoss = "progressing-loss";

    /// <summary>Alopecia that may regrow (areata, after chemotherapy): warning.</summary>
    public const string TemporaryAlopecia = "temporary-alopecia";

    /// <summary>Scar tissue in the treatment area: warning (harder to pigment).</summary>
    public const string ScarTissue = "scar-tissue";

    /// <summary>No-shave SMP eligibility, checked only when the goals include density among hair.</summary>
    public const string NoShave = "no-shave";

    /// <summary>Other allergies (latex, metals, anaesthetics): warning.</summary>
    public const string OtherAllergies = "other-allergies";

    /// <summary>Other conditions in the treatment area (herpes simplex, warts, vitiligo, birthmarks): warning.</summary>
    public const string OtherScalpCondition = "other-scalp-condition";

    /// <summary>Topical retinoid or steroid on the scalp: warning.</summary>
    public const string TopicalMedication = "topical-medication";

    /// <summary>A studio question answered yes that the studio asked to review: warning, one finding per question.</summary>
    public const string StudioQuestion = "studio-question";

    private const string Contraindications = "smp-facts §8.3, §13.1";

    /// <summary>Every rule, in listing order (within one severity, findings follow this order).</summary>
    public static IReadOnlyList<ScreeningRule> All { get; } =
    [
        new(Age, "Under the minimum age", ScreeningOutcome.HardStop, "smp-facts §10.2, §13.1"),
        new(Pregnancy, "Pregnancy", ScreeningOutcome.HardStop, Contraindications),
        new(Breastfeeding, "Breastfeeding", ScreeningOutcome.HardStop, Contraindications),
        new(PigmentAllergy, "Allergy to tattoo pigment (unless a negative patch test is documented)", ScreeningOutcome.HardStop, Contraindications),
        new(UnderInfluence, "Under the influence of alcohol or drugs", ScreeningOutcome.HardStop, Contraindications),
        new(SkinCondition, "Active skin condition in the treatment area", ScreeningOutcome.DeferUntil, Contraindications),
        new(ScalpInjury, "Sunburn, fresh tan, cuts or bruising on the scalp", ScreeningOutcome.DeferUntil, Contraindications),
        new(Isotretinoin, "Isotretinoin (Accutane, Roaccutane): wait after the last dose", ScreeningOutcome.DeferUntil, Contraindications),
        new(Chemotherapy, "Chemotherapy: wait after the last treatment", ScreeningOutcome.DeferUntil, Contraindications),
        new(ChemotherapyUpcoming, "Chemotherapy starting soon", ScreeningOutcome.DeferUntil, Contraindications),
        new(LaserRemoval, "Laser tattoo removal in the area: wait", ScreeningOutcome.DeferUntil, Contraindications),
        new(Transplant, "Hair transplant: wait", ScreeningOutcome.DeferUntil, Contraindications),
        new(Anticoagulants, "Anticoagulant or antiplatelet medicine", ScreeningOutcome.NeedsMedicalClearance, Contraindications),
        new(BleedingDisorder, "Bleeding disorder", ScreeningOutcome.NeedsMedicalClearance, Contraindications),
        new(Diabetes, "Diabetes", ScreeningOutcome.NeedsMedicalClearance, Contraindications),
        new(Heart, "High blood pressure or heart disease", ScreeningOutcome.NeedsMedicalClearance, Contraindications),
        new(Valve, "Heart valve condition (prophylactic antibiotics)", ScreeningOutcome.NeedsMedicalClearance, Contraindications),
        new(Immune, "Immune suppression, autoimmune disease, HIV or hepatitis", ScreeningOutcome.NeedsMedicalClearance, Contraindications),
        new(Epilepsy, "Epilepsy", ScreeningOutcome.NeedsMedicalClearance, Contraindications),
        new(Keloid, "Keloid or hypertrophic scarring tendency", ScreeningOutcome.NeedsMedicalClearance, Contraindications),
        new(ProgressingLoss, "Hair loss still progressing", ScreeningOutcome.Warn, Contraindications),
        new(TemporaryAlopecia, "Alopecia that may regrow", ScreeningOutcome.Warn, Contraindications),
        new(ScarTissue, "Scar tissue: harder to pigment", ScreeningOutcome.Warn, "smp-facts §8.3"),
        new(NoShave, "No-shave SMP eligibility", ScreeningOutcome.Warn, Contraindications),
        new(OtherAllergies, "Other allergies (latex, metals, anaesthetics)", ScreeningOutcome.Warn, "smp-facts §8.3"),
        new(OtherScalpCondition, "Other condition in the treatment area", ScreeningOutcome.Warn, "smp-facts §8.3"),
        new(TopicalMedication, "Topical retinoid or steroid on the scalp", ScreeningOutcome.Warn, "smp-facts §8.3"),
        new(StudioQuestion, "Studio question to review", ScreeningOutcome.Warn, "studio questionnaire"),
    ];

    /// <summary>
    /// The ids of the medical-clearance rules a studio may treat as a hard stop instead
    /// (<see cref="ScreeningSettings.ExcludeInsteadOfClearance"/>), in listing order.
    /// </summary>
    public static IReadOnlyList<string> Excludable { get; } = [.. All.Where(r => r.MayExclude).Select(r => r.Id)];

    private static readonly FrozenDictionary<string, ScreeningRule> ById = All.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Rank =
        All.Select((r, i) => (r.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

    /// <summary>The rule with this id (ordinal, case-sensitive), or null when there is none.</summary>
    public static ScreeningRule? Find(string? id) => id is not null && ById.TryGetValue(id, out var rule) ? rule : null;

    /// <summary>The rule's position in <see cref="All"/>; unknown ids sort last.</summary>
    internal static int Order(string id) => Rank.TryGetValue(id, out var i) ? i : int.MaxValue;
}

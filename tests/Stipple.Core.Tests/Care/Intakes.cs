using NodaTime;
using Stipple.Core.Care;
using Stipple.Core.Colour;

namespace Stipple.Core.Tests.Care;

/// <summary>Test intakes: a clean adult to vary with <c>with</c>, and shorthands.</summary>
internal static class Intakes
{
    /// <summary>The day most tests judge.</summary>
    public static readonly LocalDate On = new(2026, 6, 15);

    /// <summary>A 36-year-old with nothing to report: no findings but the age check.</summary>
    public static readonly Intake Clean = new()
    {
        DateOfBirth = new LocalDate(1990, 5, 1),
        Classification = new HairLossClassification { Norwood = NorwoodStage.IV },
        Goals = [TreatmentGoal.FullCoverageBuzz],
        Skin = new SkinProfile { Fitzpatrick = 3, Undertone = Undertone.Neutral },
    };

    public static Intake WithMedical(Func<MedicalAnswers, MedicalAnswers> change) => Clean with { Medical = change(Clean.Medical) };

    public static Intake Taking(MedicationKind kind, LocalDate? started = null, LocalDate? stopped = null) =>
        Clean with { Medications = [new Medication { Kind = kind, StartedOn = started, StoppedOn = stopped }] };

    public static ScreeningResult Evaluate(Intake intake, LocalDate? on = null, ScreeningSettings? settings = null) =>
        CandidacyScreening.Evaluate(intake, on ?? On, settings ?? ScreeningSettings.Default);

    /// <summary>The one finding of <paramref name="rule"/>.</summary>
    public static ScreeningFinding Finding(this ScreeningResult result, string rule) => result.Findings.Single(f => string.Equals(f.Rule, rule, StringComparison.Ordinal));

    public static bool Has(this ScreeningResult result, string rule) => result.Findings.Any(f => string.Equals(f.Rule, rule, StringComparison.Ordinal));
}

using Stipple.Core.Care;

namespace Stipple.Web.Features.Consultations;

/// <summary>How the intake's options read on a page, in plain words.</summary>
public static class IntakeLabels
{
    /// <summary>The medical questions in form order: the <see cref="MedicalAnswers"/> property and its question.</summary>
    public static IReadOnlyList<(string Name, string Label)> MedicalQuestions { get; } =
    [
        (nameof(MedicalAnswers.Pregnant), "Pregnant"),
        (nameof(MedicalAnswers.Breastfeeding), "Breastfeeding"),
        (nameof(MedicalAnswers.PigmentAllergy), "Allergic reaction to tattoo or PMU pigment before"),
        (nameof(MedicalAnswers.NegativePatchTestDocumented), "A negative patch test with our pigment is on file"),
        (nameof(MedicalAnswers.OtherAllergies), "Other allergies (latex, metals, numbing creams)"),
        (nameof(MedicalAnswers.ActiveSkinCondition), "Psoriasis, eczema, seborrhoeic dermatitis, acne, a rash or infection on the scalp now"),
        (nameof(MedicalAnswers.ScalpInjuryOrSunburn), "Sunburn, a fresh tan, cuts or bruises on the scalp now"),
        (nameof(MedicalAnswers.BleedingDisorder), "Haemophilia, a platelet or another bleeding disorder, sickle cell"),
        (nameof(MedicalAnswers.Diabetes), "Diabetes"),
        (nameof(MedicalAnswers.HeartCondition), "High blood pressure or heart disease"),
        (nameof(MedicalAnswers.ValveCondition), "Heart valve condition needing antibiotics before procedures"),
        (nameof(MedicalAnswers.ImmuneCondition), "Weak immune system, autoimmune disease, HIV or hepatitis"),
        (nameof(MedicalAnswers.Epilepsy), "Epilepsy"),
        (nameof(MedicalAnswers.KeloidTendency), "Keloid or raised (hypertrophic) scars"),
        (nameof(MedicalAnswers.OtherScalpCondition), "Cold sores, warts, vitiligo, birthmarks or spider veins on the scalp"),
        (nameof(MedicalAnswers.UnderInfluence), "Has had alcohol or drugs today"),
    ];

    public static bool Answer(MedicalAnswers medical, string name)
    {
        ArgumentNullException.ThrowIfNull(medical);
        return typeof(MedicalAnswers).GetProperty(name)?.GetValue(medical) is true;
    }

    public static string Norwood(NorwoodStage stage) => stage switch
    {
        NorwoodStage.IIIVertex => "Norwood III vertex",
        _ => "Norwood " + stage,
    };

    public static string Savin(SavinGrade grade) => grade == SavinGrade.Frontal ? "Savin frontal" : "Savin " + grade.ToString()[1..];

    public static string Condition(OtherCondition condition) => condition switch
    {
        OtherCondition.AlopeciaAreata => "Alopecia areata",
        OtherCondition.AlopeciaTotalis => "Alopecia totalis",
        OtherCondition.AlopeciaUniversalis => "Alopecia universalis",
        OtherCondition.ScarringAlopecia => "Scarring alopecia",
        OtherCondition.FutScar => "Transplant strip (FUT) scar",
        OtherCondition.FueScars => "Transplant (FUE) dot scars",
        OtherCondition.TraumaScar => "Injury or surgery scar",
        OtherCondition.PostChemotherapy => "Hair loss after chemotherapy",
        OtherCondition.DiffuseThinning => "Diffuse thinning",
        _ => condition.ToString(),
    };

    public static string Goal(TreatmentGoal goal) => goal switch
    {
        TreatmentGoal.FullCoverageBuzz => "Full coverage with a buzz-cut look",
        TreatmentGoal.DensityAmongHair => "Density among existing hair (no shave)",
        TreatmentGoal.ScarCamouflage => "Scar camouflage",
        _ => goal.ToString(),
    };

    public static string Medication(MedicationKind kind) => kind switch
    {
        MedicationKind.Isotretinoin => "Isotretinoin (Accutane, Roaccutane)",
        MedicationKind.Chemotherapy => "Chemotherapy",
        MedicationKind.Anticoagulant => "Blood thinners (warfarin, heparin, apixaban…)",
        MedicationKind.Antiplatelet => "Aspirin, clopidogrel or other antiplatelets",
        MedicationKind.Immunosuppressant => "Immunosuppressants",
        MedicationKind.TopicalRetinoidOrSteroid => "Retinoid or steroid creams on the scalp",
        MedicationKind.Other => "Other regular medicine",
        _ => kind.ToString(),
    };

    public static string Outcome(ScreeningOutcome outcome) => outcome switch
    {
        ScreeningOutcome.Ok => "OK",
        ScreeningOutcome.Warn => "Warning",
        ScreeningOutcome.NeedsMedicalClearance => "Needs medical clearance",
        ScreeningOutcome.DeferUntil => "Deferred",
        ScreeningOutcome.HardStop => "Not a candidate",
        _ => outcome.ToString(),
    };

    /// <summary>The badge class for an outcome.</summary>
    public static string Badge(ScreeningOutcome outcome) => outcome switch
    {
        ScreeningOutcome.Ok => "badge badge-ok",
        ScreeningOutcome.Warn => "badge badge-warn",
        _ => "badge badge-danger",
    };
}

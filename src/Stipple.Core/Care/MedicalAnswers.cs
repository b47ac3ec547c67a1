namespace Stipple.Core.Care;

/// <summary>
/// The medical screening questions of the intake, each a yes/no answer (smp-facts §8.3, §13.1). Medicines are asked
/// separately (<see cref="Intake.Medications"/>), as are dates of past treatments (<see cref="TreatmentHistory"/>).
/// </summary>
public sealed record MedicalAnswers
{
    public bool Pregnant { get; init; }

    public bool Breastfeeding { get; init; }

    /// <summary>A known allergic reaction to tattoo or PMU pigment.</summary>
    public bool PigmentAllergy { get; init; }

    /// <summary>A negative patch test with the studio's pigment is documented (unlocks <see cref="PigmentAllergy"/>).</summary>
    public bool NegativePatchTestDocumented { get; init; }

    /// <summary>Other allergies (latex, metals, topical anaesthetics): recorded and shown to the practitioner.</summary>
    public bool OtherAllergies { get; init; }

    /// <summary>Under the influence of alcohol or drugs on the day (asked again at the pre-session check-in).</summary>
    public bool UnderInfluence { get; init; }

    /// <summary>Active psoriasis, eczema, seborrhoeic dermatitis, acne, rash or infection in the treatment area.</summary>
    public bool ActiveSkinCondition { get; init; }

    /// <summary>Sunburn, a fresh tan, cuts, abrasions or bruising on the scalp.</summary>
    public bool ScalpInjuryOrSunburn { get; init; }

    /// <summary>Haemophilia, a platelet disorder, sickle cell or another bleeding disorder.</summary>
    public bool BleedingDisorder { get; init; }

    public bool Diabetes { get; init; }

    /// <summary>High blood pressure or heart disease.</summary>
    public bool HeartCondition { get; init; }

    /// <summary>A prosthetic heart valve, mitral valve prolapse or another condition needing antibiotics before procedures.</summary>
    public bool ValveCondition { get; init; }

    /// <summary>Immune suppression, autoimmune disease, HIV or hepatitis.</summary>
    public bool ImmuneCondition { get; init; }

    public bool Epilepsy { get; init; }

    /// <summary>A tendency to keloid or hypertrophic scarring.</summary>
    public bool KeloidTendency { get; init; }

    /// <summary>Herpes simplex, warts, vitiligo, birthmarks or spider veins in the treatment area.</summary>
    public bool OtherScalpCondition { get; init; }
}

using NodaTime;

namespace Stipple.Core.Care;

/// <summary>Medicines that change candidacy (smp-facts §8.3).</summary>
public enum MedicationKind
{
    /// <summary>Oral isotretinoin (Accutane, Roaccutane).</summary>
    Isotretinoin,

    Chemotherapy,

    /// <summary>Warfarin, heparin, DOACs (apixaban, rivaroxaban, ...).</summary>
    Anticoagulant,

    /// <summary>Aspirin, clopidogrel, ...</summary>
    Antiplatelet,

    /// <summary>Immune-suppressing medicines (e.g. after a transplant, for autoimmune disease).</summary>
    Immunosuppressant,

    /// <summary>Topical retinoids (tretinoin, Retin-A) or steroids used on the scalp.</summary>
    TopicalRetinoidOrSteroid,

    Other,
}

/// <summary>
/// A medicine the client takes or took. <see cref="StoppedOn"/> is null while the client still takes it; a
/// <see cref="StartedOn"/> in the future is a planned course (e.g. chemotherapy due to start).
/// </summary>
public sealed record Medication
{
    public MedicationKind Kind { get; init; }

    /// <summary>The medicine's name as the client gave it (free text, optional).</summary>
    public string? Name { get; init; }

    /// <summary>The first day taken, if known; a day after the day judged makes it a planned course.</summary>
    public LocalDate? StartedOn { get; init; }

    /// <summary>The last day taken (the last dose), or null while still taking it; never before <see cref="StartedOn"/>.</summary>
    public LocalDate? StoppedOn { get; init; }
}

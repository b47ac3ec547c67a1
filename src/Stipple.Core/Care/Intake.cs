using NodaTime;

namespace Stipple.Core.Care;

/// <summary>
/// A client's intake: who they are (date of birth), their hair loss and goals, the medical screening answers, medicines,
/// skin and treatment history. <see cref="CandidacyScreening"/> turns it into findings. Immutable; a corrected intake
/// is a new intake. Check it with <see cref="IntakeValidator"/>; its JSON form is <see cref="CareJson"/>.
/// </summary>
public sealed record Intake
{
    /// <summary>Required (the default value means missing); from 1900-01-01 to today. Decides the minimum-age rule.</summary>
    public LocalDate DateOfBirth { get; init; }

    public HairLossClassification Classification { get; init; } = new();

    public IReadOnlyList<TreatmentGoal> Goals { get; init; } = [];

    public MedicalAnswers Medical { get; init; } = new();

    public IReadOnlyList<Medication> Medications { get; init; } = [];

    public SkinProfile Skin { get; init; } = new();

    public TreatmentHistory History { get; init; } = new();

    public HairState Hair { get; init; } = new();

    public IReadOnlyList<StudioAnswer> StudioAnswers { get; init; } = [];
}

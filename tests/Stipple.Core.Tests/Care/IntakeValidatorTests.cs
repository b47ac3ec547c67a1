using NodaTime;
using Stipple.Core.Care;
using Stipple.Core.Colour;
using static Stipple.Core.Tests.Care.Intakes;

namespace Stipple.Core.Tests.Care;

public sealed class IntakeValidatorTests
{
    private static readonly LocalDate Today = On;

    [Fact]
    public void A_clean_intake_is_valid()
    {
        IntakeValidator.Validate(Clean, Today).ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_date_of_birth_is_required()
    {
        Issues(Clean with { DateOfBirth = default }).ShouldBe([new CareIssue("dateOfBirth", "is required")]);
    }

    [Fact]
    public void A_date_of_birth_in_the_future_or_before_1900_is_refused()
    {
        Issues(Clean with { DateOfBirth = Today.PlusDays(1) }).ShouldBe([new CareIssue("dateOfBirth", "must not be in the future")]);
        Issues(Clean with { DateOfBirth = new LocalDate(1899, 12, 31) }).ShouldBe([new CareIssue("dateOfBirth", "must be 1900-01-01 or later")]);
        Issues(Clean with { DateOfBirth = new LocalDate(1900, 1, 1) }).ShouldBeEmpty();
        Issues(Clean with { DateOfBirth = Today }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-3)]
    public void The_fitzpatrick_type_is_required_from_1_to_6(int type)
    {
        Issues(Clean with { Skin = Clean.Skin with { Fitzpatrick = type } })
            .ShouldBe([new CareIssue("skin.fitzpatrick", "is required: a Fitzpatrick type from 1 (I) to 6 (VI)")]);
    }

    [Fact]
    public void An_undefined_undertone_is_refused()
    {
        Issues(Clean with { Skin = Clean.Skin with { Undertone = (Undertone)9 } }).ShouldBe([new CareIssue("skin.undertone", "is not a known value")]);
    }

    [Fact]
    public void Medicines_are_checked_by_index()
    {
        var intake = Clean with
        {
            Medications =
            [
                new Medication { Kind = MedicationKind.Isotretinoin, StartedOn = new LocalDate(2026, 1, 1), StoppedOn = new LocalDate(2026, 3, 1) },
                new Medication { Kind = MedicationKind.Chemotherapy, StartedOn = new LocalDate(2026, 3, 1), StoppedOn = new LocalDate(2026, 2, 28) },
                new Medication { Kind = (MedicationKind)42 },
                null!,
            ],
        };

        Issues(intake).ShouldBe(
        [
            new CareIssue("medications[1].stoppedOn", "must not be before startedOn"),
            new CareIssue("medications[2].kind", "is not a known value"),
            new CareIssue("medications[3]", "must not be null"),
        ]);
    }

    [Fact]
    public void Past_treatments_may_not_be_in_the_future()
    {
        var intake = Clean with { History = new TreatmentHistory { LaserRemovalOn = Today.PlusDays(1), TransplantOn = Today.PlusDays(7) } };

        Issues(intake).ShouldBe(
        [
            new CareIssue("history.laserRemovalOn", "must not be in the future"),
            new CareIssue("history.transplantOn", "must not be in the future"),
        ]);
        Issues(Clean with { History = new TreatmentHistory { LaserRemovalOn = Today, TransplantOn = Today } }).ShouldBeEmpty();
    }

    [Fact]
    public void Studio_answers_need_a_key()
    {
        var intake = Clean with
        {
            StudioAnswers = [new StudioAnswer { Key = "ok", Question = "Q?" }, new StudioAnswer { Key = "  ", Question = "Q?" }],
        };

        Issues(intake).ShouldBe([new CareIssue("studioAnswers[1].key", "is required")]);
    }

    [Fact]
    public void Enum_values_out_of_range_are_named_anywhere()
    {
        var intake = Clean with
        {
            Classification = new HairLossClassification
            {
                Norwood = (NorwoodStage)99,
                Ludwig = (LudwigGrade)(-1),
                Savin = (SavinGrade)12,
                Other = [OtherCondition.FutScar, (OtherCondition)50],
            },
            Goals = [TreatmentGoal.ScarCamouflage, (TreatmentGoal)7],
        };

        Issues(intake).Select(i => i.Field).ShouldBe(
        [
            "classification.norwood", "classification.ludwig", "classification.savin", "classification.other[1]", "goals[1]",
        ]);
    }

    [Fact]
    public void Null_parts_are_required()
    {
        var intake = Clean with
        {
            Classification = null!,
            Goals = null!,
            Medical = null!,
            Medications = null!,
            Skin = null!,
            History = null!,
            Hair = null!,
            StudioAnswers = null!,
        };

        Issues(intake).Select(i => i.Field).ShouldBe(
        [
            "classification", "goals", "medical", "medications", "skin", "history", "hair", "studioAnswers",
        ]);

        // Screening still answers (totality beyond validated intakes).
        var result = Evaluate(intake);
        result.Overall.ShouldBe(ScreeningOutcome.Ok);
        result.Findings.Select(f => f.Rule).ShouldBe([ScreeningRules.Age]);
    }

    private static IReadOnlyList<CareIssue> Issues(Intake intake) => IntakeValidator.Validate(intake, Today);
}

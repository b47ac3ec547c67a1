using NodaTime;
using Stipple.Core.Care;
using static Stipple.Core.Tests.Care.Intakes;

namespace Stipple.Core.Tests.Care;

public sealed class ScreeningResultTests
{
    [Fact]
    public void Findings_are_ordered_most_severe_first_then_by_rule()
    {
        var intake = Clean with
        {
            Classification = Clean.Classification with { Progressing = true, Other = [OtherCondition.FutScar] },
            Medical = new MedicalAnswers { KeloidTendency = true, Diabetes = true, ActiveSkinCondition = true, Breastfeeding = true, Pregnant = true },
            Medications = [new Medication { Kind = MedicationKind.Isotretinoin, StoppedOn = On.PlusDays(-10) }],
        };

        var result = Evaluate(intake);

        result.Findings.Select(f => f.Rule).ShouldBe(
        [
            ScreeningRules.Pregnancy, ScreeningRules.Breastfeeding,
            ScreeningRules.SkinCondition, ScreeningRules.Isotretinoin,
            ScreeningRules.Diabetes, ScreeningRules.Keloid,
            ScreeningRules.ProgressingLoss, ScreeningRules.ScarTissue,
            ScreeningRules.Age,
        ]);
        result.Overall.ShouldBe(ScreeningOutcome.HardStop);
        result.DeferredUntil.ShouldBe(On.PlusDays(170));
        result.OpenEndedDeferral.ShouldBeTrue();
    }

    [Theory]
    [InlineData(ScreeningOutcome.Warn)]
    [InlineData(ScreeningOutcome.NeedsMedicalClearance)]
    [InlineData(ScreeningOutcome.DeferUntil)]
    [InlineData(ScreeningOutcome.HardStop)]
    public void Overall_is_the_most_severe_outcome(ScreeningOutcome worst)
    {
        var findings = Enum.GetValues<ScreeningOutcome>()
            .Where(o => o <= worst)
            .Select(o => new ScreeningFinding("x-" + o.ToString(), o, null, "r", "s"))
            .Reverse()
            .ToList();

        var result = new ScreeningResult(On, findings);

        result.Overall.ShouldBe(worst);
        result.Findings[0].Outcome.ShouldBe(worst);
        result.Findings[^1].Outcome.ShouldBe(ScreeningOutcome.Ok);
    }

    [Fact]
    public void No_findings_is_ok()
    {
        var result = new ScreeningResult(On, []);

        result.Overall.ShouldBe(ScreeningOutcome.Ok);
        result.DeferredUntil.ShouldBeNull();
        result.OpenEndedDeferral.ShouldBeFalse();
        result.BlocksSmpSession(clearanceOnFile: false).ShouldBeNull();
    }

    [Fact]
    public void A_block_names_every_blocking_finding_and_no_date_when_one_is_undated()
    {
        var intake = Clean with
        {
            Medical = new MedicalAnswers { Diabetes = true },
            History = new TreatmentHistory { TransplantOn = On.PlusDays(-100) },
        };

        var result = Evaluate(intake);

        var withoutClearance = result.BlocksSmpSession(clearanceOnFile: false).ShouldNotBeNull();
        withoutClearance.Outcome.ShouldBe(ScreeningOutcome.DeferUntil);
        withoutClearance.Until.ShouldBeNull();
        withoutClearance.Findings.Select(f => f.Rule).ShouldBe([ScreeningRules.Transplant, ScreeningRules.Diabetes]);
        withoutClearance.Reason.ShouldContain("first possible SMP day is");
        withoutClearance.Reason.ShouldContain("Has diabetes");

        var withClearance = result.BlocksSmpSession(clearanceOnFile: true).ShouldNotBeNull();
        withClearance.Until.ShouldBe(On.PlusDays(80));
        withClearance.Findings.Select(f => f.Rule).ShouldBe([ScreeningRules.Transplant]);
    }

    [Fact]
    public void A_dated_deferral_ending_by_the_day_judged_does_not_block()
    {
        var result = new ScreeningResult(On, [new ScreeningFinding("x", ScreeningOutcome.DeferUntil, On, "r", "s")]);

        result.BlocksSmpSession(clearanceOnFile: false).ShouldBeNull();
        result.DeferredUntil.ShouldBe(On);
    }

    [Fact]
    public void Results_compare_by_value()
    {
        var intake = WithMedical(m => m with { Diabetes = true });

        Evaluate(intake).ShouldBe(Evaluate(intake));
        Evaluate(intake).GetHashCode().ShouldBe(Evaluate(intake).GetHashCode());
        Evaluate(intake).ShouldNotBe(Evaluate(intake, On.PlusDays(1)));
        Evaluate(intake).ShouldNotBe(Evaluate(Clean));
    }

    [Fact]
    public void Evaluation_refuses_invalid_settings()
    {
        Should.Throw<ArgumentException>(() => Evaluate(Clean, settings: ScreeningSettings.Default with { MinimumAge = 16 }))
            .Message.ShouldContain("minimumAge");
    }

    [Fact]
    public void The_same_intake_judged_on_different_days_differs_only_by_the_day()
    {
        var intake = Taking(MedicationKind.Isotretinoin, stopped: new LocalDate(2026, 1, 1));

        Evaluate(intake, new LocalDate(2026, 6, 29)).Overall.ShouldBe(ScreeningOutcome.DeferUntil);
        Evaluate(intake, new LocalDate(2026, 6, 30)).Overall.ShouldBe(ScreeningOutcome.Ok);
    }

    [Fact]
    public void Dates_in_another_calendar_are_judged_as_the_same_days()
    {
        var julian = CalendarSystem.Julian;
        var iso = Clean with
        {
            DateOfBirth = new LocalDate(2008, 6, 15),
            History = new TreatmentHistory { TransplantOn = new LocalDate(2026, 3, 1) },
        };
        var other = iso with
        {
            DateOfBirth = iso.DateOfBirth.WithCalendar(julian),
            History = new TreatmentHistory { TransplantOn = iso.History.TransplantOn!.Value.WithCalendar(julian) },
        };

        Evaluate(other, On.WithCalendar(julian)).ShouldBe(Evaluate(iso));
    }
}

using NodaTime;
using Stipple.Core.Care;
using static Stipple.Core.Tests.Care.Intakes;

namespace Stipple.Core.Tests.Care;

public sealed class ClearanceTests
{
    public static TheoryData<string, Intake> Clearances => new()
    {
        { ScreeningRules.Anticoagulants, Taking(MedicationKind.Anticoagulant, new LocalDate(2025, 1, 1)) },
        { ScreeningRules.Anticoagulants, Taking(MedicationKind.Antiplatelet) },
        { ScreeningRules.BleedingDisorder, WithMedical(m => m with { BleedingDisorder = true }) },
        { ScreeningRules.Diabetes, WithMedical(m => m with { Diabetes = true }) },
        { ScreeningRules.Heart, WithMedical(m => m with { HeartCondition = true }) },
        { ScreeningRules.Valve, WithMedical(m => m with { ValveCondition = true }) },
        { ScreeningRules.Immune, WithMedical(m => m with { ImmuneCondition = true }) },
        { ScreeningRules.Immune, Taking(MedicationKind.Immunosuppressant, stopped: On.PlusDays(30)) },
        { ScreeningRules.Epilepsy, WithMedical(m => m with { Epilepsy = true }) },
        { ScreeningRules.Keloid, WithMedical(m => m with { KeloidTendency = true }) },
    };

    [Theory]
    [MemberData(nameof(Clearances))]
    public void Medical_conditions_need_a_clearance(string rule, Intake intake)
    {
        var result = Evaluate(intake);

        var finding = result.Finding(rule);
        finding.Outcome.ShouldBe(ScreeningOutcome.NeedsMedicalClearance);
        finding.Until.ShouldBeNull();
        finding.Reason.ShouldContain("written clearance from the client's doctor");
        finding.Source.ShouldBe("smp-facts §8.3, §13.1");
        result.Overall.ShouldBe(ScreeningOutcome.NeedsMedicalClearance);

        var block = result.BlocksSmpSession(clearanceOnFile: false).ShouldNotBeNull();
        block.Outcome.ShouldBe(ScreeningOutcome.NeedsMedicalClearance);
        block.Until.ShouldBeNull();
        result.BlocksSmpSession(clearanceOnFile: true).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Clearances))]
    public void A_studio_may_exclude_instead_of_asking_for_a_clearance(string rule, Intake intake)
    {
        var settings = ScreeningSettings.Default with { ExcludeInsteadOfClearance = new HashSet<string>(StringComparer.Ordinal) { rule } };

        var result = Evaluate(intake, settings: settings);

        var finding = result.Finding(rule);
        finding.Outcome.ShouldBe(ScreeningOutcome.HardStop);
        finding.Reason.ShouldContain("does not offer SMP");
        result.BlocksSmpSession(clearanceOnFile: true).ShouldNotBeNull().Outcome.ShouldBe(ScreeningOutcome.HardStop);
    }

    [Fact]
    public void Keloid_escalated_to_a_hard_stop_leaves_other_clearances_alone()
    {
        var intake = WithMedical(m => m with { KeloidTendency = true, Diabetes = true });
        var settings = ScreeningSettings.Default with { ExcludeInsteadOfClearance = new HashSet<string>(StringComparer.Ordinal) { ScreeningRules.Keloid } };

        var result = Evaluate(intake, settings: settings);

        result.Findings.Select(f => (f.Rule, f.Outcome)).ShouldBe(
        [
            (ScreeningRules.Keloid, ScreeningOutcome.HardStop),
            (ScreeningRules.Diabetes, ScreeningOutcome.NeedsMedicalClearance),
            (ScreeningRules.Age, ScreeningOutcome.Ok),
        ]);
    }

    [Fact]
    public void The_valve_rule_mentions_prophylactic_antibiotics()
    {
        Evaluate(WithMedical(m => m with { ValveCondition = true })).Finding(ScreeningRules.Valve).Reason.ShouldContain("prophylactic antibiotics");
    }

    [Theory]
    [InlineData(MedicationKind.Anticoagulant, ScreeningRules.Anticoagulants)]
    [InlineData(MedicationKind.Antiplatelet, ScreeningRules.Anticoagulants)]
    [InlineData(MedicationKind.Immunosuppressant, ScreeningRules.Immune)]
    public void A_medicine_stopped_before_the_day_or_not_yet_started_needs_no_clearance(MedicationKind kind, string rule)
    {
        Evaluate(Taking(kind, stopped: On.PlusDays(-1))).Has(rule).ShouldBeFalse();
        Evaluate(Taking(kind, started: On.PlusDays(1))).Has(rule).ShouldBeFalse();
        Evaluate(Taking(kind, stopped: On)).Finding(rule).Outcome.ShouldBe(ScreeningOutcome.NeedsMedicalClearance);
        Evaluate(Taking(kind, started: On)).Finding(rule).Outcome.ShouldBe(ScreeningOutcome.NeedsMedicalClearance);
    }

    [Fact]
    public void No_conditions_no_clearance()
    {
        var result = Evaluate(Clean);

        result.Findings.ShouldNotContain(f => f.Outcome == ScreeningOutcome.NeedsMedicalClearance);
    }

    [Fact]
    public void Immune_condition_and_medicine_raise_one_finding()
    {
        var intake = Taking(MedicationKind.Immunosuppressant) with { Medical = new MedicalAnswers { ImmuneCondition = true } };

        Evaluate(intake).Findings.Count(f => string.Equals(f.Rule, ScreeningRules.Immune, StringComparison.Ordinal)).ShouldBe(1);
    }
}

using NodaTime;
using Stipple.Core.Care;
using static Stipple.Core.Tests.Care.Intakes;

namespace Stipple.Core.Tests.Care;

public sealed class HardStopTests
{
    [Fact]
    public void A_clean_adult_intake_is_ok_and_bookable()
    {
        var result = Evaluate(Clean);

        result.Overall.ShouldBe(ScreeningOutcome.Ok);
        result.Findings.Select(f => f.Rule).ShouldBe([ScreeningRules.Age]);
        result.Finding(ScreeningRules.Age).Reason.ShouldBe("Aged 36 on 2026-06-15; the studio's minimum age is 18.");
        result.DeferredUntil.ShouldBeNull();
        result.OpenEndedDeferral.ShouldBeFalse();
        result.On.ShouldBe(On);
        result.BlocksSmpSession(clearanceOnFile: false).ShouldBeNull();
    }

    [Fact]
    public void Turning_18_on_the_day_is_allowed_and_the_day_before_is_not()
    {
        var intake = Clean with { DateOfBirth = new LocalDate(2008, 6, 15) };

        Evaluate(intake, new LocalDate(2026, 6, 15)).Finding(ScreeningRules.Age).Outcome.ShouldBe(ScreeningOutcome.Ok);
        var under = Evaluate(intake, new LocalDate(2026, 6, 14)).Finding(ScreeningRules.Age);
        under.Outcome.ShouldBe(ScreeningOutcome.HardStop);
        under.Until.ShouldBeNull();
        under.Reason.ShouldContain("Under 18 on 2026-06-14 (turns 18 on 2026-06-15)");
        under.Reason.ShouldContain("whatever a parent consents to");
        under.Source.ShouldBe("smp-facts §10.2, §13.1");
    }

    [Theory]
    [InlineData("2026-02-28", false)]
    [InlineData("2026-03-01", true)]
    public void A_29_February_birthday_counts_from_1_March_in_a_common_year(string on, bool allowed)
    {
        var intake = Clean with { DateOfBirth = new LocalDate(2008, 2, 29) };

        var finding = Evaluate(intake, Parse(on)).Finding(ScreeningRules.Age);

        finding.Outcome.ShouldBe(allowed ? ScreeningOutcome.Ok : ScreeningOutcome.HardStop);
        if (!allowed)
        {
            finding.Reason.ShouldContain("turns 18 on 2026-03-01");
        }
    }

    [Fact]
    public void A_29_February_birthday_falls_on_29_February_in_leap_years()
    {
        var leapling = Clean with { DateOfBirth = new LocalDate(2008, 2, 29) };
        var twenty = ScreeningSettings.Default with { MinimumAge = 20 };

        Evaluate(leapling, new LocalDate(2028, 2, 28), twenty).Finding(ScreeningRules.Age).Outcome.ShouldBe(ScreeningOutcome.HardStop);
        Evaluate(leapling, new LocalDate(2028, 2, 29), twenty).Finding(ScreeningRules.Age).Outcome.ShouldBe(ScreeningOutcome.Ok);
        Evaluate(leapling, new LocalDate(2032, 2, 29)).Finding(ScreeningRules.Age).Reason.ShouldStartWith("Aged 24 on 2032-02-29");
        Evaluate(leapling, new LocalDate(2033, 2, 28)).Finding(ScreeningRules.Age).Reason.ShouldStartWith("Aged 24 on 2033-02-28");
        Evaluate(leapling, new LocalDate(2033, 3, 1)).Finding(ScreeningRules.Age).Reason.ShouldStartWith("Aged 25 on 2033-03-01");
    }

    [Fact]
    public void The_studio_may_raise_the_minimum_age()
    {
        var nineteen = Clean with { DateOfBirth = new LocalDate(2007, 1, 10) };
        var settings = ScreeningSettings.Default with { MinimumAge = 21 };

        Evaluate(nineteen).Finding(ScreeningRules.Age).Outcome.ShouldBe(ScreeningOutcome.Ok);
        var finding = Evaluate(nineteen, settings: settings).Finding(ScreeningRules.Age);
        finding.Outcome.ShouldBe(ScreeningOutcome.HardStop);
        finding.Reason.ShouldContain("Under 21 on 2026-06-15 (turns 21 on 2028-01-10)");
        finding.Reason.ShouldContain("minimum age for SMP is 21");
    }

    [Fact]
    public void A_missing_date_of_birth_is_never_taken_as_old_enough()
    {
        var finding = Evaluate(new Intake()).Finding(ScreeningRules.Age);

        finding.Outcome.ShouldBe(ScreeningOutcome.HardStop);
        finding.Reason.ShouldContain("No date of birth is recorded");
    }

    [Fact]
    public void A_birth_date_after_the_day_judged_is_under_age()
    {
        Evaluate(Clean with { DateOfBirth = On.PlusDays(1) }).Overall.ShouldBe(ScreeningOutcome.HardStop);
    }

    public static TheoryData<string, Func<MedicalAnswers, MedicalAnswers>> HardStops => new()
    {
        { ScreeningRules.Pregnancy, m => m with { Pregnant = true } },
        { ScreeningRules.Breastfeeding, m => m with { Breastfeeding = true } },
        { ScreeningRules.PigmentAllergy, m => m with { PigmentAllergy = true } },
        { ScreeningRules.UnderInfluence, m => m with { UnderInfluence = true } },
    };

    [Theory]
    [MemberData(nameof(HardStops))]
    public void Hard_stops_block_with_no_override(string rule, Func<MedicalAnswers, MedicalAnswers> answer)
    {
        var result = Evaluate(WithMedical(answer));

        var finding = result.Finding(rule);
        finding.Outcome.ShouldBe(ScreeningOutcome.HardStop);
        finding.Until.ShouldBeNull();
        finding.Source.ShouldBe("smp-facts §8.3, §13.1");
        result.Overall.ShouldBe(ScreeningOutcome.HardStop);
        var block = result.BlocksSmpSession(clearanceOnFile: true).ShouldNotBeNull();
        block.Outcome.ShouldBe(ScreeningOutcome.HardStop);
        block.Until.ShouldBeNull();
        block.Findings.ShouldBe([finding]);
        block.Reason.ShouldBe(finding.Reason);
    }

    [Theory]
    [MemberData(nameof(HardStops))]
    public void Hard_stops_do_not_trigger_on_a_no(string rule, Func<MedicalAnswers, MedicalAnswers> answer)
    {
        _ = answer;
        Evaluate(Clean).Has(rule).ShouldBeFalse();
    }

    [Fact]
    public void A_documented_negative_patch_test_unlocks_a_pigment_allergy()
    {
        var result = Evaluate(WithMedical(m => m with { PigmentAllergy = true, NegativePatchTestDocumented = true }));

        var finding = result.Finding(ScreeningRules.PigmentAllergy);
        finding.Outcome.ShouldBe(ScreeningOutcome.Ok);
        finding.Reason.ShouldContain("negative patch test");
        result.Overall.ShouldBe(ScreeningOutcome.Ok);
    }

    [Fact]
    public void A_patch_test_without_an_allergy_says_nothing()
    {
        Evaluate(WithMedical(m => m with { NegativePatchTestDocumented = true })).Has(ScreeningRules.PigmentAllergy).ShouldBeFalse();
    }

    [Theory]
    [InlineData(ScreeningRules.SkinCondition)]
    [InlineData(ScreeningRules.ScalpInjury)]
    public void Skin_problems_defer_until_resolved(string rule)
    {
        var intake = string.Equals(rule, ScreeningRules.SkinCondition, StringComparison.Ordinal)
            ? WithMedical(m => m with { ActiveSkinCondition = true })
            : WithMedical(m => m with { ScalpInjuryOrSunburn = true });

        var result = Evaluate(intake);

        var finding = result.Finding(rule);
        finding.Outcome.ShouldBe(ScreeningOutcome.DeferUntil);
        finding.Until.ShouldBeNull();
        finding.Reason.ShouldContain("pre-session check-in");
        result.OpenEndedDeferral.ShouldBeTrue();
        result.DeferredUntil.ShouldBeNull();
        var block = result.BlocksSmpSession(clearanceOnFile: true).ShouldNotBeNull();
        block.Outcome.ShouldBe(ScreeningOutcome.DeferUntil);
        block.Until.ShouldBeNull();
        Evaluate(Clean).Has(rule).ShouldBeFalse();
    }

    private static LocalDate Parse(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;
}

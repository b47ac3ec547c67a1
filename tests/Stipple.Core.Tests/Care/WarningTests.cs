using Stipple.Core.Care;
using static Stipple.Core.Tests.Care.Intakes;

namespace Stipple.Core.Tests.Care;

public sealed class WarningTests
{
    [Fact]
    public void Progressing_loss_warns()
    {
        var intake = Clean with { Classification = Clean.Classification with { Progressing = true } };

        var result = Evaluate(intake);

        result.Finding(ScreeningRules.ProgressingLoss).Outcome.ShouldBe(ScreeningOutcome.Warn);
        result.Overall.ShouldBe(ScreeningOutcome.Warn);
        result.BlocksSmpSession(clearanceOnFile: false).ShouldBeNull();
        Evaluate(Clean).Has(ScreeningRules.ProgressingLoss).ShouldBeFalse();
    }

    [Theory]
    [InlineData(OtherCondition.AlopeciaAreata, "alopecia areata")]
    [InlineData(OtherCondition.PostChemotherapy, "hair loss after chemotherapy")]
    public void Alopecia_that_may_regrow_warns_about_a_patchy_mismatch(OtherCondition condition, string named)
    {
        var finding = Evaluate(Other(condition)).Finding(ScreeningRules.TemporaryAlopecia);

        finding.Outcome.ShouldBe(ScreeningOutcome.Warn);
        finding.Reason.ShouldContain(named);
        finding.Reason.ShouldContain("patchy");
    }

    [Theory]
    [InlineData(OtherCondition.AlopeciaTotalis)]
    [InlineData(OtherCondition.DiffuseThinning)]
    [InlineData(OtherCondition.FutScar)]
    public void Other_conditions_do_not_warn_about_regrowth(OtherCondition condition)
    {
        Evaluate(Other(condition)).Has(ScreeningRules.TemporaryAlopecia).ShouldBeFalse();
    }

    [Theory]
    [InlineData(OtherCondition.FutScar, "FUT strip scar")]
    [InlineData(OtherCondition.FueScars, "FUE scars")]
    [InlineData(OtherCondition.TraumaScar, "trauma or surgery scar")]
    [InlineData(OtherCondition.ScarringAlopecia, "scarring alopecia")]
    public void Scar_tissue_warns_that_it_is_harder_to_pigment(OtherCondition condition, string named)
    {
        var finding = Evaluate(Other(condition)).Finding(ScreeningRules.ScarTissue);

        finding.Outcome.ShouldBe(ScreeningOutcome.Warn);
        finding.Reason.ShouldContain(named);
        finding.Reason.ShouldContain("more sessions");
        finding.Source.ShouldBe("smp-facts §8.3");
        Evaluate(Other(OtherCondition.AlopeciaAreata)).Has(ScreeningRules.ScarTissue).ShouldBeFalse();
    }

    [Fact]
    public void Several_scars_make_one_finding()
    {
        var finding = Evaluate(Other(OtherCondition.FueScars, OtherCondition.FutScar)).Finding(ScreeningRules.ScarTissue);

        finding.Reason.ShouldContain("FUT strip scar, FUE scars");
    }

    [Fact]
    public void Other_allergies_warn_to_use_non_latex_gloves()
    {
        Evaluate(WithMedical(m => m with { OtherAllergies = true })).Finding(ScreeningRules.OtherAllergies).Reason.ShouldContain("non-latex gloves");
        Evaluate(Clean).Has(ScreeningRules.OtherAllergies).ShouldBeFalse();
    }

    [Fact]
    public void Other_scalp_conditions_are_case_by_case()
    {
        Evaluate(WithMedical(m => m with { OtherScalpCondition = true })).Finding(ScreeningRules.OtherScalpCondition).Reason.ShouldContain("case by case");
        Evaluate(Clean).Has(ScreeningRules.OtherScalpCondition).ShouldBeFalse();
    }

    [Fact]
    public void A_current_topical_retinoid_or_steroid_warns()
    {
        Evaluate(Taking(MedicationKind.TopicalRetinoidOrSteroid)).Finding(ScreeningRules.TopicalMedication).Outcome.ShouldBe(ScreeningOutcome.Warn);
        Evaluate(Taking(MedicationKind.TopicalRetinoidOrSteroid, stopped: On.PlusDays(-1))).Has(ScreeningRules.TopicalMedication).ShouldBeFalse();
        Evaluate(Clean).Has(ScreeningRules.TopicalMedication).ShouldBeFalse();
    }

    [Fact]
    public void Studio_questions_answered_yes_for_review_raise_one_warning_each()
    {
        var intake = Clean with
        {
            StudioAnswers =
            [
                new StudioAnswer { Key = "migraine", Question = "Do you get migraines?", Yes = true, ReviewWhenYes = true, Details = "Monthly" },
                new StudioAnswer { Key = "coffee", Question = "Do you drink coffee?", Yes = true, ReviewWhenYes = false },
                new StudioAnswer { Key = "fainting", Question = "Have you fainted during a tattoo?", Yes = false, ReviewWhenYes = true },
                new StudioAnswer { Key = "claustrophobia", Question = "Are you claustrophobic?", Yes = true, ReviewWhenYes = true },
            ],
        };

        var findings = Evaluate(intake).Findings.Where(f => string.Equals(f.Rule, ScreeningRules.StudioQuestion, StringComparison.Ordinal)).ToList();

        findings.Select(f => f.Reason).ShouldBe(
        [
            "Answered yes to \"Do you get migraines?\"; the practitioner reviews it. Details: Monthly",
            "Answered yes to \"Are you claustrophobic?\"; the practitioner reviews it.",
        ]);
        findings.ShouldAllBe(f => f.Outcome == ScreeningOutcome.Warn && f.Source == "studio questionnaire");
    }

    [Fact]
    public void No_shave_is_checked_only_when_the_client_wants_density_among_hair()
    {
        Evaluate(Clean).Has(ScreeningRules.NoShave).ShouldBeFalse();
    }

    [Fact]
    public void No_shave_suits_an_intact_hairline_with_diffuse_thinning_and_long_hair()
    {
        var finding = Evaluate(NoShave(hairline: true, diffuse: true, longHair: true)).Finding(ScreeningRules.NoShave);

        finding.Outcome.ShouldBe(ScreeningOutcome.Ok);
        finding.Source.ShouldBe("smp-facts §8.3, §13.1");
    }

    [Theory]
    [InlineData(false, true, true, "missing: an intact hairline.")]
    [InlineData(true, false, true, "missing: diffuse thinning.")]
    [InlineData(true, true, false, "missing: hair long enough to cover the treated area.")]
    [InlineData(false, false, false, "missing: an intact hairline, diffuse thinning, hair long enough to cover the treated area.")]
    public void No_shave_warns_naming_what_is_missing(bool hairline, bool diffuse, bool longHair, string missing)
    {
        var finding = Evaluate(NoShave(hairline, diffuse, longHair)).Finding(ScreeningRules.NoShave);

        finding.Outcome.ShouldBe(ScreeningOutcome.Warn);
        finding.Reason.ShouldContain(missing);
    }

    private static Intake Other(params OtherCondition[] conditions) =>
        Clean with { Classification = Clean.Classification with { Other = conditions } };

    private static Intake NoShave(bool hairline, bool diffuse, bool longHair) => Clean with
    {
        Goals = [TreatmentGoal.DensityAmongHair],
        Classification = new HairLossClassification { Ludwig = LudwigGrade.II, Other = diffuse ? [OtherCondition.DiffuseThinning] : [] },
        Hair = new HairState { IntactHairline = hairline, LongEnoughToCover = longHair },
    };
}

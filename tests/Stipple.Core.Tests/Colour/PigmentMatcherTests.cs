using Stipple.Core.Colour;

namespace Stipple.Core.Tests.Colour;

public sealed class PigmentMatcherTests
{
    private static readonly Lab Skin = ManualColours.SkinFor(2, Undertone.Neutral);

    private static readonly MatchPigment[] Catalogue =
    [
        new("1", "Carbon Black", Lab.FromHex("#141414"), PigmentKind.Smp),
        new("2", "Espresso", Lab.FromHex("#2a211d"), PigmentKind.Smp),
        new("3", "Warm Brown", Lab.FromHex("#3b2a20"), PigmentKind.Smp),
        new("4", "Soft Taupe", Lab.FromHex("#4a3f3a"), PigmentKind.Pmu),
        new("5", "Tattoo Black", Lab.FromHex("#0a0a10"), PigmentKind.TattooInk),
    ];

    [Fact]
    public void The_pigment_and_dilution_that_made_the_target_rank_first_with_delta_e_zero()
    {
        var target = AppearanceModel.Healed(Catalogue[2].Swatch, new Dilution(1, 2), Skin, AppearanceParameters.Default);

        var result = PigmentMatcher.Rank(Request(target));

        var best = result.Ranked[0];
        best.Rank.ShouldBe(1);
        best.Pigment.Name.ShouldBe("Warm Brown");
        best.Dilution.ShouldBe(new Dilution(1, 2));
        best.DeltaE.ShouldBe(0, 1e-9);
        result.Ranked.Select(r => r.DeltaE).ShouldBeInOrder(SortDirection.Ascending);
        result.Ranked.Select(r => r.Rank).ShouldBe(Enumerable.Range(1, result.Ranked.Count));
    }

    [Fact]
    public void Every_selectable_pigment_is_ranked_at_every_dilution_and_tattoo_ink_is_set_aside()
    {
        var result = PigmentMatcher.Rank(Request(new Lab(35, 5, 8)));

        result.Ranked.Count.ShouldBe(4 * Dilution.Defaults.Count);
        result.Ranked.ShouldAllBe(r => r.Pigment.Kind != PigmentKind.TattooInk);
        result.SetAside.Single().Name.ShouldBe("Tattoo Black");
    }

    [Fact]
    public void Session_one_is_one_step_lighter_than_the_final_shade()
    {
        var result = PigmentMatcher.Rank(Request(new Lab(40, 5, 8)));

        foreach (var r in result.Ranked)
        {
            r.SessionOneDilution.ShouldBe(r.Dilution.OneStepLighter(Dilution.Defaults));
            r.SessionOneHealed.L.ShouldBeGreaterThan(r.Healed.L);
            r.SessionOneDeltaE.ShouldBe(Ciede2000.Difference(new Lab(40, 5, 8), r.SessionOneHealed), 1e-9);
            r.DeltaE.ShouldBe(Ciede2000.Difference(new Lab(40, 5, 8), r.Healed), 1e-9);
            r.Fresh.L.ShouldBeLessThan(r.Healed.L);
        }
    }

    [Fact]
    public void Configured_dilutions_are_what_gets_ranked()
    {
        var request = Request(new Lab(40, 5, 8)) with { Dilutions = [new Dilution(1, 4), new Dilution(2, 1)] };
        PigmentMatcher.Rank(request).Ranked.Select(r => r.Dilution).Distinct().OrderBy(d => d.Concentration)
            .ShouldBe([new Dilution(1, 4), new Dilution(2, 1)]);
    }

    [Fact]
    public void Bad_requests_name_the_field()
    {
        Errors(Request(new Lab(120, 0, 0))).ShouldContain("target.l");
        Errors(Request(new Lab(40, 0, 0)) with { Skin = new Lab(50, 0, -300) }).ShouldContain("skin.b");
        Errors(Request(new Lab(40, 0, 0)) with { Pigments = [] }).ShouldBe(["pigments"]);
        Errors(Request(new Lab(40, 0, 0)) with { Pigments = [Catalogue[4]] }).ShouldBe(["pigments"]);
        Errors(Request(new Lab(40, 0, 0)) with { Pigments = [Catalogue[0] with { Swatch = new Lab(50, 999, 0) }] }).ShouldBe(["pigments[0].swatch.a"]);
        Errors(Request(new Lab(40, 0, 0)) with { Dilutions = [new Dilution(1, 0), new Dilution(0, 3)] }).ShouldBe(["dilutions[1]"]);
        Errors(Request(new Lab(40, 0, 0)) with { Dilutions = [] }).ShouldBe(["dilutions"]);
        Should.Throw<ArgumentException>(() => PigmentMatcher.Rank(Request(new Lab(40, 0, 0)) with { Pigments = [] })).Message.ShouldContain("catalogue is empty");
    }

    [Fact]
    public void Ranking_is_deterministic()
    {
        var first = PigmentMatcher.Rank(Request(new Lab(38, 6, 9)));
        var second = PigmentMatcher.Rank(Request(new Lab(38, 6, 9)));
        second.Ranked.ShouldBe(first.Ranked);
    }

    private static MatchRequest Request(Lab target) => new(target, Skin, Catalogue, Dilution.Defaults, AppearanceParameters.Default);

    private static List<string> Errors(MatchRequest request) => [.. PigmentMatcher.Validate(request).Select(e => e.Field)];
}

using Stipple.Core.Colour;

namespace Stipple.Core.Tests.Colour;

public sealed class AppearanceModelTests
{
    private static readonly AppearanceParameters Defaults = AppearanceParameters.Default;

    public static TheoryData<string, int> Pigments => new()
    {
        { "#141414", 1 }, { "#2a211d", 2 }, { "#3b2a20", 3 }, { "#3a3a3e", 4 }, { "#141414", 6 }, { "#3b2a20", 5 },
    };

    [Theory]
    [MemberData(nameof(Pigments))]
    public void A_dot_heals_lighter_than_it_looks_fresh_and_more_water_is_lighter_still(string swatchHex, int fitzpatrick)
    {
        var swatch = Lab.FromHex(swatchHex);
        var skin = ManualColours.SkinFor(fitzpatrick, Undertone.Neutral);
        var previousHealed = double.MinValue;
        foreach (var dilution in Dilution.Defaults)
        {
            var fresh = AppearanceModel.Fresh(swatch, dilution, skin, Defaults);
            var healed = AppearanceModel.Healed(swatch, dilution, skin, Defaults);
            healed.L.ShouldBeGreaterThan(fresh.L);
            healed.L.ShouldBeGreaterThan(previousHealed);
            healed.L.ShouldBeLessThan(skin.L);
            previousHealed = healed.L;
        }
    }

    [Fact]
    public void Healed_carbon_black_is_two_to_three_hair_levels_lighter_than_fresh_on_light_skin()
    {
        // smp-facts §5.3: some skins heal 2–3 shades lighter. A hair level is about 5–8 L* apart (ManualColours).
        var skin = ManualColours.SkinFor(2, Undertone.Neutral);
        var swatch = Lab.FromHex("#141414");
        var fresh = AppearanceModel.Fresh(swatch, new Dilution(1, 1), skin, Defaults);
        var healed = AppearanceModel.Healed(swatch, new Dilution(1, 1), skin, Defaults);
        (healed.L - fresh.L).ShouldBeInRange(10, 24);
    }

    [Fact]
    public void A_white_swatch_leaves_the_skin_as_it_was()
    {
        var skin = ManualColours.SkinFor(3, Undertone.Warm);
        var dot = AppearanceModel.Healed(new Lab(100, 0, 0), new Dilution(1, 0), skin, Defaults);
        Ciede2000.Difference(dot, skin).ShouldBeLessThan(0.01);
    }

    [Fact]
    public void Darker_skin_gives_a_darker_dot_of_the_same_pigment()
    {
        var swatch = Lab.FromHex("#2a211d");
        var dots = Enumerable.Range(1, 6)
            .Select(type => AppearanceModel.Healed(swatch, new Dilution(1, 1), ManualColours.SkinFor(type, Undertone.Neutral), Defaults).L)
            .ToList();
        dots.ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public void Blue_scatter_turns_black_seen_through_skin_cooler()
    {
        var skin = ManualColours.SkinFor(2, Undertone.Neutral);
        var black = Lab.FromHex("#101010");
        var withScatter = AppearanceModel.Healed(black, new Dilution(1, 0), skin, Defaults);
        var without = AppearanceModel.Healed(black, new Dilution(1, 0), skin, Defaults with { ScatterTilt = 0 });
        withScatter.B.ShouldBeLessThan(without.B - 1);
    }

    [Fact]
    public void The_stubble_target_lies_between_hair_and_skin()
    {
        var hair = ManualColours.HairFor(2);
        var skin = ManualColours.SkinFor(2, Undertone.Neutral);
        var stubble = AppearanceModel.Stubble(hair, skin, Defaults);
        stubble.L.ShouldBeGreaterThan(hair.L);
        stubble.L.ShouldBeLessThan(skin.L);
        AppearanceModel.Stubble(hair, skin, Defaults with { StubbleSkinShare = 0 }).L.ShouldBe(hair.L, 1e-6);
    }

    [Fact]
    public void Parameters_survive_storage_and_bad_stored_values_fall_back_to_the_defaults()
    {
        var fitted = Defaults.WithHealed(0.8, 0.3, 0.5);
        AppearanceParameters.FromJson(fitted.ToJson()).ShouldBe(fitted);
        AppearanceParameters.FromJson("{ not json").ShouldBe(Defaults);
        AppearanceParameters.FromJson(Defaults.WithHealed(1, 1, 1).ToJson().Replace("\"healedVeil\":0.9", "\"healedVeil\":7", StringComparison.Ordinal)).ShouldBe(Defaults);
        Defaults.WithHealed(99, -1, 0.1).HealedStrength.ShouldBe(AppearanceParameters.StrengthRange.Max);
    }
}

using Stipple.Core.Colour;

namespace Stipple.Core.Tests.Colour;

public sealed class ManualColoursTests
{
    [Theory]
    [InlineData(1, 55, 90)]
    [InlineData(2, 41, 55)]
    [InlineData(3, 28, 41)]
    [InlineData(4, 10, 28)]
    [InlineData(5, -30, 10)]
    [InlineData(6, -90, -30)]
    public void Each_fitzpatrick_type_sits_in_its_individual_typology_angle_band(int type, double min, double max)
    {
        var skin = ManualColours.SkinFor(type, Undertone.Neutral);
        var ita = Math.Atan((skin.L - 50) / skin.B) * 180 / Math.PI;
        ita.ShouldBeInRange(min, max);
    }

    [Fact]
    public void Undertone_moves_the_yellow_blue_axis()
    {
        var warm = ManualColours.SkinFor(3, Undertone.Warm);
        var cool = ManualColours.SkinFor(3, Undertone.Cool);
        warm.B.ShouldBeGreaterThan(ManualColours.SkinFor(3, Undertone.Neutral).B);
        cool.B.ShouldBeLessThan(ManualColours.SkinFor(3, Undertone.Neutral).B);
    }

    [Fact]
    public void Hair_levels_get_lighter_from_1_to_10()
    {
        Enumerable.Range(1, 10).Select(level => ManualColours.HairFor(level).L).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Fitzpatrick_types_outside_I_to_VI_are_refused(int type) =>
        Should.Throw<ArgumentOutOfRangeException>(() => ManualColours.SkinFor(type, Undertone.Neutral));

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Hair_levels_outside_1_to_10_are_refused(int level)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ManualColours.HairFor(level));
        Should.Throw<ArgumentOutOfRangeException>(() => ManualColours.HairLevelName(level));
    }

    [Fact]
    public void Hair_levels_have_the_colourists_names()
    {
        ManualColours.HairLevelName(1).ShouldBe("black");
        ManualColours.HairLevelName(3).ShouldBe("dark brown");
        ManualColours.HairLevelName(10).ShouldBe("lightest blonde");
    }

    [Theory]
    [InlineData("cool", true)]
    [InlineData(" WARM ", true)]
    [InlineData("1", false)]
    [InlineData("olive", false)]
    public void Undertones_parse_by_name_only(string text, bool ok) => ManualColours.TryParseUndertone(text, out _).ShouldBe(ok);
}

using Stipple.Core.Colour;

namespace Stipple.Core.Tests.Colour;

public sealed class DilutionTests
{
    [Theory]
    [InlineData("1:2", 1, 2)]
    [InlineData(" 3 : 1 ", 3, 1)]
    [InlineData("1:0", 1, 0)]
    public void Parses_pigment_to_water(string text, int pigment, int water)
    {
        Dilution.TryParse(text, out var dilution, out var error).ShouldBeTrue(error);
        dilution.ShouldBe(new Dilution(pigment, water));
        dilution.ToString().ShouldBe($"{pigment}:{water}");
    }

    [Theory]
    [InlineData("0:3", "pigment")]
    [InlineData("1:-1", "pigment:water")]
    [InlineData("a:b", "pigment:water")]
    [InlineData("1/2", "pigment:water")]
    [InlineData("1:101", "0 to 100")]
    public void Refuses_bad_ratios_with_a_reason(string text, string reason)
    {
        Dilution.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void A_dilution_of_water_alone_is_refused()
    {
        Dilution.Check(0, 3).ShouldNotBeNull().ShouldContain("at least one part pigment");
        Dilution.Check(1, 3).ShouldBeNull();
    }

    [Fact]
    public void A_list_is_ordered_darkest_first()
    {
        Dilution.TryParseList("1:3, 1:0 1:1;3:1", out var list, out var errors).ShouldBeTrue();
        errors.ShouldBeEmpty();
        Dilution.FormatList(list).ShouldBe("1:0, 3:1, 1:1, 1:3");
        new Dilution(1, 0).Concentration.ShouldBe(1);
        new Dilution(1, 3).Concentration.ShouldBe(0.25);
    }

    [Fact]
    public void List_errors_name_the_item()
    {
        Dilution.TryParseList("1:0, 0:2, 2:2, 1:1", out var list, out var errors).ShouldBeFalse();
        list.ShouldBeEmpty();
        errors.Select(e => e.Index).ShouldBe([1, 3]);
        errors[1].Message.ShouldContain("same strength as 2:2");
    }

    [Fact]
    public void An_empty_or_overlong_list_is_refused_as_a_whole()
    {
        Dilution.TryParseList("  ", out _, out var empty).ShouldBeFalse();
        empty.Single().Index.ShouldBe(-1);
        var many = string.Join(", ", Enumerable.Range(0, 13).Select(i => $"1:{i}"));
        Dilution.TryParseList(many, out _, out var tooMany).ShouldBeFalse();
        tooMany.Single().Message.ShouldContain("at most 12");
    }

    [Fact]
    public void One_step_lighter_follows_the_ladder_then_adds_water()
    {
        var ladder = Dilution.Defaults;
        new Dilution(1, 0).OneStepLighter(ladder).ShouldBe(new Dilution(3, 1));
        new Dilution(1, 1).OneStepLighter(ladder).ShouldBe(new Dilution(1, 2));
        new Dilution(1, 3).OneStepLighter(ladder).ShouldBe(new Dilution(1, 4));
        new Dilution(2, 3).OneStepLighter([new Dilution(2, 3)]).ShouldBe(new Dilution(2, 5));
    }
}

using System.Globalization;
using Stipple.Core.Colour;

namespace Stipple.Core.Tests.Colour;

public sealed class LabInputTests
{
    [Fact]
    public void Lch_round_trips_and_gives_hue_in_0_to_360()
    {
        var random = new Random(4);
        for (var i = 0; i < 10_000; i++)
        {
            var lab = new Lab(random.NextDouble() * 100, (random.NextDouble() * 256) - 128, (random.NextDouble() * 256) - 128);
            var lch = lab.ToLch();
            lch.H.ShouldBeInRange(0, 360);
            lch.C.ShouldBe(Math.Sqrt((lab.A * lab.A) + (lab.B * lab.B)), 1e-12);
            var back = lch.ToLab();
            back.L.ShouldBe(lab.L, 1e-9);
            back.A.ShouldBe(lab.A, 1e-9);
            back.B.ShouldBe(lab.B, 1e-9);
        }

        new Lab(50, 0, 0).ToLch().ShouldBe(new Lch(50, 0, 0));
        new Lab(50, 0, -10).ToLch().H.ShouldBe(270, 1e-12);
    }

    [Theory]
    [InlineData(-0.1, 0, 0, "l")]
    [InlineData(100.5, 0, 0, "l")]
    [InlineData(double.NaN, 0, 0, "l")]
    [InlineData(50, -128.01, 0, "a")]
    [InlineData(50, double.PositiveInfinity, 0, "a")]
    [InlineData(50, 0, 200, "b")]
    public void Out_of_range_lab_names_the_component(double l, double a, double b, string component)
    {
        var problem = Lab.Check(l, a, b);
        problem.ShouldNotBeNull();
        problem.Value.Component.ShouldBe(component);
        problem.Value.Message.ShouldContain("between");
    }

    [Fact]
    public void Lab_at_the_edges_of_the_range_is_accepted()
    {
        Lab.Check(0, -128, 128).ShouldBeNull();
        Lab.Check(100, 128, -128).ShouldBeNull();
    }

    [Theory]
    [InlineData("#fff")]
    [InlineData("#12345g")]
    [InlineData("")]
    [InlineData("#1234567")]
    [InlineData("rgb(1,2,3)")]
    [InlineData("# 123456")]
    [InlineData("+12345")]
    public void Malformed_hex_is_refused(string text)
    {
        Srgb8.TryParseHex(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => Lab.FromHex(text));
    }

    [Fact]
    public void Hex_is_culture_invariant_and_case_insensitive()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Srgb8.ParseHex(" #AbCdEf ").ShouldBe(new Srgb8(0xab, 0xcd, 0xef));
            new Srgb8(0xab, 0xcd, 0xef).ToHex().ShouldBe("#abcdef");
            new Lab(52.25, -3.5, 1).Describe().ShouldBe("L 52.3 a -3.5 b 1.0");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Lab_from_hex_and_back_is_the_same_hex()
    {
        Lab.FromHex("#ffffff").L.ShouldBe(100, 1e-9);
        Lab.FromHex("#3b2a20").ToHex().ShouldBe("#3b2a20");
    }
}

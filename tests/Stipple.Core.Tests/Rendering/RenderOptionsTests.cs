using Stipple.Core.Design;
using Stipple.Core.Rendering;
using static Stipple.Core.Tests.Rendering.RenderTestData;

namespace Stipple.Core.Tests.Rendering;

public sealed class RenderOptionsTests
{
    [Fact]
    public void Defaults_are_a_healed_look_on_mid_skin_at_8_px_per_mm()
    {
        var options = new RenderOptions();

        options.Look.ShouldBe(Look.Healed);
        options.Years.ShouldBe(0);
        options.Session.ShouldBeNull();
        options.Background.ShouldBe(RenderOptions.DefaultSkin);
        RenderOptions.DefaultSkin.ToHex().ShouldBe("#d8b094");
        options.Parameters.ShouldBe(LookParameters.Default);

        var image = DotRenderer.Render(TwoZones, [], new MapRect(0, 0, 20, 10), options);
        image.Width.ShouldBe(160);
        image.Height.ShouldBe(80);
    }

    [Fact]
    public void Default_scale_is_lowered_so_a_large_view_fits_the_cap()
    {
        var image = DotRenderer.Render(TwoZones, [], new MapRect(0, 0, 1000, 500), new RenderOptions());

        image.Width.ShouldBe(RenderOptions.MaxImageSide);
        image.Height.ShouldBe(RenderOptions.MaxImageSide / 2);
    }

    [Fact]
    public void Width_alone_keeps_the_view_aspect()
    {
        var image = DotRenderer.Render(TwoZones, [], new MapRect(0, 0, 200, 100), new RenderOptions { WidthPx = 400 });

        image.Width.ShouldBe(400);
        image.Height.ShouldBe(200);
    }

    [Fact]
    public void Height_alone_keeps_the_view_aspect()
    {
        var image = DotRenderer.Render(TwoZones, [], new MapRect(0, 0, 200, 100), new RenderOptions { HeightPx = 50 });

        image.Width.ShouldBe(100);
        image.Height.ShouldBe(50);
    }

    [Fact]
    public void Width_and_height_give_exactly_that_size_with_the_view_centred()
    {
        Dot[] dots = [new(100, 50, 40, 3, 0)]; // centre of the view
        var options = new RenderOptions { WidthPx = 300, HeightPx = 100 };

        var image = DotRenderer.Render(TwoZones, dots, new MapRect(0, 0, 200, 100), options);

        image.Width.ShouldBe(300);
        image.Height.ShouldBe(100);
        image.GetPixel(150, 50).ShouldBe(Rgba(Stipple.Core.Colour.Srgb8.ParseHex(Shade0)));
    }

    [Fact]
    public void Explicit_scale_sets_the_size()
    {
        var image = DotRenderer.Render(TwoZones, [], new MapRect(-5, 10, 12.5, 3), new RenderOptions { PxPerMm = 4 });

        image.Width.ShouldBe(50);
        image.Height.ShouldBe(12);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(129)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void PxPerMm_outside_1_to_128_is_rejected(double value)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new RenderOptions { PxPerMm = value }).ParamName.ShouldBe("PxPerMm");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(20.5)]
    [InlineData(double.NaN)]
    public void Years_outside_0_to_20_is_rejected(double value)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new RenderOptions { Years = value }).ParamName.ShouldBe("Years");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(256)]
    public void Session_outside_1_to_255_is_rejected(int value)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new RenderOptions { Session = value }).ParamName.ShouldBe("Session");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4097)]
    public void Pixel_sizes_outside_1_to_4096_are_rejected(int value)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new RenderOptions { WidthPx = value }).ParamName.ShouldBe("WidthPx");
        Should.Throw<ArgumentOutOfRangeException>(() => new RenderOptions { HeightPx = value }).ParamName.ShouldBe("HeightPx");
    }

    [Fact]
    public void An_undefined_look_is_rejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new RenderOptions { Look = (Look)9 }).ParamName.ShouldBe("Look");
    }

    [Fact]
    public void A_view_without_area_is_rejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new RenderOptions { View = new MapRect(0, 0, 0, 10) }).ParamName.ShouldBe("View");
        Should.Throw<ArgumentException>(() => DotRenderer.Render(TwoZones, [], new MapRect(0, 0, 10, double.NaN), new RenderOptions()))
            .ParamName.ShouldBe("View");
    }

    [Fact]
    public void Scale_and_pixel_size_together_are_rejected()
    {
        var options = new RenderOptions { PxPerMm = 4, WidthPx = 100 };

        Should.Throw<ArgumentException>(() => DotRenderer.Render(TwoZones, [], new MapRect(0, 0, 10, 10), options))
            .ParamName.ShouldBe("PxPerMm");
    }

    [Fact]
    public void An_image_beyond_the_cap_is_rejected_naming_the_option()
    {
        var wholeMap = new MapRect(ScalpMap.MinX, ScalpMap.MinY, ScalpMap.MaxX - ScalpMap.MinX, ScalpMap.MaxY - ScalpMap.MinY);

        var error = Should.Throw<ArgumentException>(() => DotRenderer.Render(TwoZones, [], wholeMap, new RenderOptions { PxPerMm = 64 }));
        error.ParamName.ShouldBe("PxPerMm");
        error.Message.ShouldContain("4096");

        Should.Throw<ArgumentException>(() => DotRenderer.Render(TwoZones, [], new MapRect(0, 0, 10, 100), new RenderOptions { WidthPx = 1000 }))
            .ParamName.ShouldBe("WidthPx");
    }

    [Fact]
    public void Look_parameters_check_their_ranges()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new LookParameters { FreshDiameterScale = 0.5 }).ParamName.ShouldBe("FreshDiameterScale");
        Should.Throw<ArgumentOutOfRangeException>(() => new LookParameters { AgedStrengthPerYear = 1.1 }).ParamName.ShouldBe("AgedStrengthPerYear");
        Should.Throw<ArgumentOutOfRangeException>(() => new LookParameters { HealedEdgeMm = -0.01 }).ParamName.ShouldBe("HealedEdgeMm");
        Should.Throw<ArgumentNullException>(() => new RenderOptions { Parameters = null! }).ParamName.ShouldBe("Parameters");
    }

    [Fact]
    public void Look_parameter_defaults_are_the_documented_ones()
    {
        var p = LookParameters.Default;

        p.FreshDiameterScale.ShouldBe(1.8);
        p.FreshColourScale.ShouldBe(0.6);
        p.HealedEdgeMm.ShouldBe(0.02);
        p.FreshEdgeMm.ShouldBe(0.04);
        p.AgedStrengthPerYear.ShouldBe(0.9);
        p.AgedDiameterGrowth.ShouldBe(0.1);
        p.AgedGrowthYears.ShouldBe(1);
        p.AgedEdgePerYearMm.ShouldBe(0.005);
    }
}

using Stipple.Core.Colour;
using Stipple.Core.Design;
using Stipple.Core.Rendering;
using static Stipple.Core.Tests.Rendering.RenderTestData;

namespace Stipple.Core.Tests.Rendering;

public sealed class DotRendererTests
{
    // These tests check the dot model itself; the scatter shadow has its own tests.
    private static readonly LookParameters Crisp = LookParameters.Default with { ScatterOpacity = 0 };

    private static readonly MapRect TenMm = new(0, 0, 10, 10);

    [Fact]
    public void A_large_full_strength_dot_shows_its_shade_at_the_centre_and_skin_far_away()
    {
        Dot[] dots = [new(5, 5, 4, 3, 0)];

        var image = DotRenderer.Render(TwoZones, dots, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 10 });

        image.Width.ShouldBe(100);
        image.Height.ShouldBe(100);
        image.GetPixel(50, 50).ShouldBe(Rgba(Srgb8.ParseHex(Shade0)));
        image.GetPixel(0, 0).ShouldBe(Rgba(Skin));
        image.GetPixel(99, 99).ShouldBe(Rgba(Skin));
        image.GetPixel(50, 5).ShouldBe(Rgba(Skin));
    }

    [Fact]
    public void A_session_1_dot_mixes_its_shade_with_the_skin_in_linear_light_at_the_session_strength()
    {
        Dot[] dots = [new(5, 5, 4, 1, 0)];
        var shade = Srgb8.ParseHex(Shade0);

        var centre = DotRenderer.Render(TwoZones, dots, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 10 }).GetPixel(50, 50);

        static byte Mix(byte dot, byte skin) => Encode((0.75 * Linear(dot)) + (0.25 * Linear(skin)));
        ((double)(centre >> 24)).ShouldBe(Mix(shade.R, Skin.R), 1);
        ((double)((centre >> 16) & 0xFF)).ShouldBe(Mix(shade.G, Skin.G), 1);
        ((double)((centre >> 8) & 0xFF)).ShouldBe(Mix(shade.B, Skin.B), 1);
        (centre & 0xFF).ShouldBe(255u);
    }

    [Fact]
    public void On_a_transparent_background_a_dot_keeps_its_colour_and_carries_its_strength_as_straight_alpha()
    {
        Dot[] dots = [new(3, 5, 3, 1, 1), new(7, 5, 3, 3, 1)];
        var options = new RenderOptions { Parameters = Crisp, PxPerMm = 10, Background = null };

        var image = DotRenderer.Render(TwoZones, dots, TenMm, options);

        image.GetPixel(30, 50).ShouldBe(Rgba(Srgb8.ParseHex(Shade1), 191)); // 0.75 × 255 = 191.25
        image.GetPixel(70, 50).ShouldBe(Rgba(Srgb8.ParseHex(Shade1), 255));
        image.GetPixel(0, 0).ShouldBe(0u);
    }

    [Theory]
    [InlineData(0.2f, 0.4f)]
    [InlineData(0.1f, 0.3f)]
    public void Sub_pixel_dots_add_ink_in_proportion_to_their_area(float small, float large)
    {
        // 2 px/mm: the dots are 0.1–0.4 px across, far below a pixel, spaced 3 px apart with sub-pixel jitter.
        var options = new RenderOptions { Parameters = Crisp, PxPerMm = 2, Background = null };
        var view = new MapRect(0, 0, 100, 100);

        double Ink(float diameter)
        {
            var dots = Grid(100, 1.5, diameter, 0.2);
            var image = DotRenderer.Render(TwoZones, dots, view, options);
            double alpha = 0;
            for (var i = 3; i < image.Pixels.Length; i += 4)
            {
                alpha += image.Pixels[i] / 255.0;
            }

            return alpha / dots.Length; // px² of full-strength ink per dot
        }

        static double Expected(float diameterMm)
        {
            var r = diameterMm / 2 * 2.0; // px
            var edge = LookParameters.Default.HealedEdgeMm * 2.0; // px
            return Math.PI * ((r * r) + (edge * edge / 12));
        }

        var inkSmall = Ink(small);
        var inkLarge = Ink(large);

        inkSmall.ShouldBe(Expected(small), Expected(small) * 0.03);
        inkLarge.ShouldBe(Expected(large), Expected(large) * 0.03);
        (inkLarge / inkSmall).ShouldBe(Expected(large) / Expected(small), Expected(large) / Expected(small) * 0.04);
    }

    [Fact]
    public void At_low_resolution_a_dense_field_is_an_even_shade_not_speckle()
    {
        // 1 px/mm, 100 dots/cm² (1 mm pitch): every pixel gets about one 0.12 mm dot's worth of ink.
        var dots = Grid(64, 1, 0.12f, 0.45, seed: 3);
        var image = DotRenderer.Render(TwoZones, dots, new MapRect(0, 0, 64, 64), new RenderOptions { Parameters = Crisp, PxPerMm = 1, Background = null });

        var alphas = image.Pixels.Where((_, i) => i % 4 == 3).Select(a => (double)a).ToList();
        var mean = alphas.Average();
        var spread = Math.Sqrt(alphas.Average(a => (a - mean) * (a - mean)));

        alphas.Count(a => a == 0).ShouldBeLessThan(alphas.Count / 20, "nearly every pixel carries some ink");
        mean.ShouldBe(255 * Math.PI * 0.06 * 0.06, 255 * Math.PI * 0.06 * 0.06 * 0.1);
        spread.ShouldBeLessThan(mean, "texture, not isolated specks on bare skin");
    }

    [Fact]
    public void The_scatter_shadow_adds_its_ink_around_each_dot()
    {
        // 1 px/mm over 64 × 64 mm at 1 mm pitch: mean alpha is the ink per mm², dot plus shadow.
        var dots = Grid(64, 1, 0.12f, 0.45, seed: 3);
        var withShadow = DotRenderer.Render(TwoZones, dots, new MapRect(0, 0, 64, 64), new RenderOptions { PxPerMm = 1, Background = null });
        var crisp = DotRenderer.Render(TwoZones, dots, new MapRect(0, 0, 64, 64), new RenderOptions { Parameters = Crisp, PxPerMm = 1, Background = null });

        double MeanAlpha(RgbaImage image) => image.Pixels.Where((_, i) => i % 4 == 3).Average(a => (double)a);

        // Shadow ink: π(r_s² + s²/12) × 0.4 with r_s = 0.06 + 0.06 and s = 0.12, over the dot's π·0.06².
        var p = LookParameters.Default;
        var shadowRadius = 0.06 + (p.ScatterMm / 2);
        var expected = Math.PI * ((0.06 * 0.06) + (p.ScatterOpacity * ((shadowRadius * shadowRadius) + (p.ScatterMm * p.ScatterMm / 12))));
        (MeanAlpha(withShadow) / 255).ShouldBe(expected, expected * 0.1);
        MeanAlpha(withShadow).ShouldBeGreaterThan(2.5 * MeanAlpha(crisp));
    }

    [Fact]
    public void Session_option_leaves_out_later_sessions()
    {
        Dot[] dots = [new(2.5f, 5, 2, 1, 0), new(7.5f, 5, 2, 2, 0)];

        var first = DotRenderer.Render(TwoZones, dots, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 10, Session = 1 });
        var both = DotRenderer.Render(TwoZones, dots, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 10, Session = 2 });
        var all = DotRenderer.Render(TwoZones, dots, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 10 });

        first.GetPixel(25, 50).ShouldNotBe(Rgba(Skin));
        first.GetPixel(75, 50).ShouldBe(Rgba(Skin));
        both.GetPixel(75, 50).ShouldNotBe(Rgba(Skin));
        all.Pixels.ShouldBe(both.Pixels);
    }

    [Fact]
    public void Fresh_dots_cover_more_pixels_and_are_darker_than_healed_ones()
    {
        var dots = Grid(10, 1, 0.12f, 0.2);
        var healed = DotRenderer.Render(TwoZones, dots, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 64 });
        var fresh = DotRenderer.Render(TwoZones, dots, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 64, Look = Look.Fresh });

        var healedPixels = CountDifferentFrom(healed, Rgba(Skin));
        var freshPixels = CountDifferentFrom(fresh, Rgba(Skin));

        ((double)freshPixels / healedPixels).ShouldBeGreaterThan(2.5); // diameter × 1.8 → area × 3.24
        MeanLuminance(fresh).ShouldBeLessThan(MeanLuminance(healed));

        Dot[] one = [new(5, 5, 2, 3, 0)];
        var healedCentre = DotRenderer.Render(TwoZones, one, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 10 }).GetPixel(50, 50);
        var freshCentre = DotRenderer.Render(TwoZones, one, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 10, Look = Look.Fresh }).GetPixel(50, 50);
        Luminance(freshCentre).ShouldBeLessThan(Luminance(healedCentre) * 0.7);
    }

    [Fact]
    public void Aged_dots_are_lighter_than_healed_ones_and_age_zero_is_healed()
    {
        var dots = Grid(10, 1, 0.12f, 0.2);
        var healed = DotRenderer.Render(TwoZones, dots, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 16 });
        var ageZero = DotRenderer.Render(TwoZones, dots, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 16, Look = Look.Aged });
        var aged5 = DotRenderer.Render(TwoZones, dots, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 16, Look = Look.Aged, Years = 5 });
        var aged15 = DotRenderer.Render(TwoZones, dots, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 16, Look = Look.Aged, Years = 15 });

        ageZero.Pixels.ShouldBe(healed.Pixels);
        MeanLuminance(aged5).ShouldBeGreaterThan(MeanLuminance(healed));
        MeanLuminance(aged15).ShouldBeGreaterThan(MeanLuminance(aged5));
        MeanLuminance(aged15).ShouldBeLessThan(Luminance(Rgba(Skin)));

        Dot[] one = [new(5, 5, 2, 3, 0)];
        var healedCentre = DotRenderer.Render(TwoZones, one, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 10 }).GetPixel(50, 50);
        var agedCentre = DotRenderer.Render(TwoZones, one, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 10, Look = Look.Aged, Years = 5 }).GetPixel(50, 50);
        Luminance(agedCentre).ShouldBeGreaterThan(Luminance(healedCentre));
    }

    [Fact]
    public void Later_dots_cover_earlier_ones_even_when_they_start_in_an_earlier_band()
    {
        // At 10 px/mm the first dot starts at row 40 (band 1), the second, larger one at row 20 (band 0).
        Dot first = new(5, 5, 2, 3, 0);
        Dot second = new(5, 4, 4, 3, 1);

        var secondOnTop = DotRenderer.Render(TwoZones, [first, second], TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 10 });
        var firstOnTop = DotRenderer.Render(TwoZones, [second, first], TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 10 });

        secondOnTop.GetPixel(50, 50).ShouldBe(Rgba(Srgb8.ParseHex(Shade1)));
        firstOnTop.GetPixel(50, 50).ShouldBe(Rgba(Srgb8.ParseHex(Shade0)));
    }

    [Fact]
    public void A_dot_across_a_band_boundary_is_drawn_without_a_seam()
    {
        // Centre on row 32, the boundary between the first two 32-row bands: rows 31 − k and 32 + k mirror each other.
        Dot[] dots = [new(5, 3.2f, 3, 2, 0)];
        var image = DotRenderer.Render(TwoZones, dots, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 10 });

        for (var k = 0; k < 20; k++)
        {
            image.GetRow(31 - k).ToArray().ShouldBe(image.GetRow(32 + k).ToArray(), $"rows {31 - k} and {32 + k}");
        }
    }

    [Fact]
    public void No_dots_gives_the_plain_background()
    {
        var image = DotRenderer.Render(TwoZones, [], TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 3 });

        CountDifferentFrom(image, Rgba(Skin)).ShouldBe(0);
    }

    [Fact]
    public void Dots_outside_the_view_or_not_finite_are_skipped()
    {
        Dot[] dots = [new(-50, 5, 1, 3, 0), new(5, 500, 1, 3, 0), new(float.NaN, 5, 1, 3, 0), new(5, 5, float.PositiveInfinity, 3, 0), new(5, 5, 0, 3, 0)];

        var image = DotRenderer.Render(TwoZones, dots, TenMm, new RenderOptions { Parameters = Crisp, PxPerMm = 3 });

        CountDifferentFrom(image, Rgba(Skin)).ShouldBe(0);
    }

    [Fact]
    public void A_dot_in_a_zone_the_design_does_not_have_is_an_argument_error()
    {
        Dot[] dots = [new(5, 5, 1, 1, 7)];

        Should.Throw<ArgumentException>(() => DotRenderer.Render(TwoZones, dots, TenMm, new RenderOptions { Parameters = Crisp }))
            .ParamName.ShouldBe("dots");
    }

    [Fact]
    public void A_dot_of_session_0_is_an_argument_error()
    {
        Dot[] dots = [new(5, 5, 1, 0, 0)];

        Should.Throw<ArgumentException>(() => DotRenderer.Render(TwoZones, dots, TenMm, new RenderOptions { Parameters = Crisp }))
            .ParamName.ShouldBe("dots");
    }

    [Fact]
    public void The_result_overload_renders_the_result_dots_over_its_bounds()
    {
        var result = Stippler.Stipple(DesignTemplates.Create(TemplateKind.MaleMature));
        var options = new RenderOptions { Parameters = Crisp, PxPerMm = 2 };

        var image = DotRenderer.Render(result, options);
        var session1 = DotRenderer.Render(result, options with { Session = 1 });

        image.Width.ShouldBe((int)Math.Ceiling((result.Bounds.Width * 2) - 1e-6));
        image.Pixels.ShouldBe(DotRenderer.Render(result.Design, result.Dots, result.Bounds, options).Pixels);
        session1.Pixels.ShouldBe(DotRenderer.Render(result.Design, result.DotsThroughSession(1), result.Bounds, options).Pixels);
        MeanLuminance(session1).ShouldBeGreaterThan(MeanLuminance(image));
    }
}

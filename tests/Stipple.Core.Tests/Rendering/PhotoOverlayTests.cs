using Stipple.Core.Design;
using Stipple.Core.Rendering;
using static Stipple.Core.Tests.Design.TestDesigns;
using static Stipple.Core.Tests.Rendering.RenderTestData;

namespace Stipple.Core.Tests.Rendering;

public sealed class PhotoOverlayTests
{
    private const int Width = 1600;
    private const int Height = 1200;

    private static readonly LookParameters Crisp = LookParameters.Default with { ScatterOpacity = 0 };

    private static readonly MapPoint[] Landmarks = [.. AlignmentLandmarks.All.Select(l => l.Position)];

    /// <summary>The 120 × 100 mm block of <see cref="Uniform"/> at 100/cm², y 110–210 mm.</summary>
    private static readonly StippleResult Block = Stippler.Stipple(Uniform(100));

    /// <summary>A front photo with the top of the head foreshortened: about 4.4 px/mm at the brow, 3 px/mm past the vertex.</summary>
    private static readonly Homography Front = Create(Landmarks, [new(800, 1100), new(350, 700), new(1250, 700), new(800, 420)]);

    [Fact]
    public void The_image_is_transparent_wherever_there_are_no_dots()
    {
        // 4 px/mm, shifted: the block lands on x 560–1040, y 240–640.
        var h = Create(Landmarks, [.. Landmarks.Select(p => new ImagePoint((4 * p.X) + 800, (4 * p.Y) - 200))]);

        var image = PhotoOverlay.Render(Block, new RenderOptions(), h, Width, Height);

        image.Width.ShouldBe(Width);
        image.Height.ShouldBe(Height);
        var inked = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var pixel = image.GetPixel(x, y);
                var insideBlock = x >= 556 && x < 1044 && y >= 236 && y < 644; // a mm of margin for dot, shadow and ramp
                if (!insideBlock)
                {
                    pixel.ShouldBe(0u);
                }
                else if ((pixel & 0xFF) > 0)
                {
                    inked++;
                }
            }
        }

        inked.ShouldBeGreaterThan(20_000);
    }

    [Fact]
    public void Dots_smaller_than_a_pixel_add_their_area_times_opacity_at_the_local_scale()
    {
        // Checked separately for the front and back halves of the block, which the photo shows at different scales.
        const double Split = 160;
        var options = new RenderOptions { Parameters = Crisp };

        var image = PhotoOverlay.Render(Block, options, Front, Width, Height);

        var strengths = Block.Design.Sessions.ShadeStrength;
        var expected = new double[2];
        double smallest = double.MaxValue, largest = 0;
        foreach (var dot in Block.Dots)
        {
            Front.TryMap(new MapPoint(dot.X, dot.Y), out var q).ShouldBeTrue();
            q.X.ShouldBeInRange(1, Width - 1);
            q.Y.ShouldBeInRange(1, Height - 1);
            var s = Front.LocalScale(new MapPoint(dot.X, dot.Y));
            var r = dot.DiameterMm / 2 * s;
            var e = Crisp.HealedEdgeMm * s;
            expected[dot.Y < Split ? 0 : 1] += Math.PI * ((r * r) + (e * e / 12)) * strengths[dot.Session - 1];
            (smallest, largest) = (Math.Min(smallest, s), Math.Max(largest, s));
        }

        var measured = new double[2];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                Front.TryUnmap(new ImagePoint(x + 0.5, y + 0.5), out var p).ShouldBeTrue();
                measured[p.Y < Split ? 0 : 1] += (image.GetPixel(x, y) & 0xFF) / 255.0;
            }
        }

        (largest / smallest).ShouldBeGreaterThan(1.25, "the test needs a scale that varies over the block");
        (largest * Block.Dots[0].DiameterMm).ShouldBeLessThan(1, "the test is about dots under a pixel across");
        measured[0].ShouldBe(expected[0], expected[0] * 0.03);
        measured[1].ShouldBe(expected[1], expected[1] * 0.03);
    }

    [Fact]
    public void Dots_beyond_max_map_y_are_left_out_and_the_rest_are_drawn_as_before()
    {
        var all = PhotoOverlay.Render(Block, new RenderOptions(), Front, Width, Height);
        var front = PhotoOverlay.Render(Block, new RenderOptions(), Front, Width, Height, maxMapY: 150);

        int beyondAll = 0, beyondFront = 0, before = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                Front.TryUnmap(new ImagePoint(x + 0.5, y + 0.5), out var p).ShouldBeTrue();
                if (p.Y > 151.5)
                {
                    beyondAll += (all.GetPixel(x, y) & 0xFF) > 0 ? 1 : 0;
                    beyondFront += (front.GetPixel(x, y) & 0xFF) > 0 ? 1 : 0;
                }
                else if (p.Y < 148.5)
                {
                    front.GetPixel(x, y).ShouldBe(all.GetPixel(x, y));
                    before++;
                }
            }
        }

        beyondAll.ShouldBeGreaterThan(10_000);
        beyondFront.ShouldBe(0);
        before.ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public void Dots_behind_the_horizon_are_not_drawn_even_where_a_naive_division_would_put_them_in_the_image()
    {
        // u = 4x/w + 800, v = 4y/w + 600 with w = 1 − y/100: the horizon is at y = 100 mm, and dots at y 305–335 mm
        // (w ≈ −2.2) would land, mirrored, in the top rows if w's sign were ignored.
        static ImagePoint Project(MapPoint p)
        {
            var w = 1 - (p.Y / 100);
            return new ImagePoint((4 * p.X / w) + 800, (4 * p.Y / w) + 600);
        }

        var h = Create(Landmarks, [.. Landmarks.Select(Project)]);
        var design = Uniform(100) with { Zones = [Zone("Nape", Rect(-60, 305, 60, 335))] };
        var result = Stippler.Stipple(design);

        var naiveInside = 0;
        var m = h.Matrix;
        foreach (var dot in result.Dots)
        {
            var w = (m[6] * dot.X) + (m[7] * dot.Y) + m[8];
            w.ShouldBeLessThan(0);
            var u = ((m[0] * dot.X) + (m[1] * dot.Y) + m[2]) / w;
            var v = ((m[3] * dot.X) + (m[4] * dot.Y) + m[5]) / w;
            naiveInside += u is >= 0 and <= Width && v is >= 0 and <= Height ? 1 : 0;
        }

        var image = PhotoOverlay.Render(result, new RenderOptions(), h, Width, Height);

        naiveInside.ShouldBe(result.DotCount);
        image.Pixels.ShouldAllBe(b => b == 0);
    }

    [Fact]
    public void Fresh_dots_are_bigger_and_darker_than_healed_ones()
    {
        // 40 px/mm over a 20 × 20 mm window of the block, so each dot spans several pixels.
        var h = Create(Landmarks, [.. Landmarks.Select(p => new ImagePoint(40 * (p.X + 10), 40 * (p.Y - 150)))]);

        var healed = PhotoOverlay.Render(Block, new RenderOptions { Look = Look.Healed }, h, 800, 800);
        var fresh = PhotoOverlay.Render(Block, new RenderOptions { Look = Look.Fresh }, h, 800, 800);

        Covered(fresh).ShouldBeGreaterThan(Covered(healed) * 2);
        var skin = RenderOptions.DefaultSkin;
        OverSkin(fresh, skin).ShouldBeLessThan(OverSkin(healed, skin) - 0.01);
    }

    [Fact]
    public void Only_sessions_up_to_the_chosen_one_are_drawn()
    {
        var first = PhotoOverlay.Render(Block, new RenderOptions { Session = 1, Parameters = Crisp }, Front, Width, Height);
        var all = PhotoOverlay.Render(Block, new RenderOptions { Parameters = Crisp }, Front, Width, Height);

        // Session 1 places about 30% of the dots at 0.75 strength (SessionPlanSpec defaults).
        (Ink(first) / Ink(all)).ShouldBeInRange(0.15, 0.35);
    }

    [Fact]
    public void On_a_scale_and_shift_it_draws_what_the_flat_renderer_draws()
    {
        // Map view x −30…30, y 120…180 at 10 px/mm, both ways.
        var h = Create(Landmarks, [.. Landmarks.Select(p => new ImagePoint(10 * (p.X + 30), 10 * (p.Y - 120)))]);
        var options = new RenderOptions { Look = Look.Aged, Years = 3, PxPerMm = 10, Background = null };

        var overlay = PhotoOverlay.Render(Block, options, h, 600, 600);
        var flat = DotRenderer.Render(Block.Design, Block.Dots, new MapRect(-30, 120, 60, 60), options);

        var compared = 0;
        for (var y = 5; y < 595; y++)
        {
            for (var x = 5; x < 595; x++)
            {
                uint a = overlay.GetPixel(x, y), b = flat.GetPixel(x, y);
                Channel(a, 0).ShouldBe(Channel(b, 0), 1);
                if (Channel(a, 0) >= 16)
                {
                    Channel(a, 24).ShouldBe(Channel(b, 24), 1);
                    Channel(a, 16).ShouldBe(Channel(b, 16), 1);
                    Channel(a, 8).ShouldBe(Channel(b, 8), 1);
                    compared++;
                }
            }
        }

        compared.ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public void The_overlay_survives_PNG_encoding_with_its_alpha()
    {
        var quarter = Create(Landmarks, [new(200, 275), new(87.5, 175), new(312.5, 175), new(200, 105)]);
        var image = PhotoOverlay.Render(Block, new RenderOptions(), quarter, 400, 300);

        var png = PngEncoder.Encode(image);

        PngTestReader.Chunks(png)[0].Data[9].ShouldBe((byte)6, "colour type: truecolour with alpha");
        var (width, height, pixels) = PngTestReader.Decode(png);
        (width, height).ShouldBe((400, 300));
        pixels.ShouldBe(image.Pixels);
        pixels.Where((_, i) => i % 4 == 3).Distinct().Count().ShouldBeGreaterThan(10);
    }

    [Fact]
    public void Bad_sizes_and_a_NaN_limit_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PhotoOverlay.Render(Block, new RenderOptions(), Front, 0, 10)).ParamName.ShouldBe("width");
        Should.Throw<ArgumentOutOfRangeException>(() => PhotoOverlay.Render(Block, new RenderOptions(), Front, 10, 4097)).ParamName.ShouldBe("height");
        Should.Throw<ArgumentOutOfRangeException>(() => PhotoOverlay.Render(Block, new RenderOptions(), Front, 10, 10, double.NaN)).ParamName.ShouldBe("maxMapY");
    }

    private static Homography Create(ReadOnlySpan<MapPoint> from, ReadOnlySpan<ImagePoint> to)
    {
        Homography.TryCreate(from, to, out var h, out var problem).ShouldBeTrue(problem);
        return h;
    }

    private static double Channel(uint rgba, int shift) => (rgba >> shift) & 0xFF;

    private static double Ink(RgbaImage image) => image.Pixels.Where((_, i) => i % 4 == 3).Sum(a => a / 255.0);

    private static int Covered(RgbaImage image) => image.Pixels.Where((a, i) => i % 4 == 3 && a > 128).Count();

    /// <summary>Mean luminance of the overlay composited over <paramref name="skin"/> in linear light.</summary>
    private static double OverSkin(RgbaImage image, Stipple.Core.Colour.Srgb8 skin)
    {
        var skinLuminance = (0.2126 * Linear(skin.R)) + (0.7152 * Linear(skin.G)) + (0.0722 * Linear(skin.B));
        double sum = 0;
        for (var i = 0; i < image.Pixels.Length; i += 4)
        {
            var a = image.Pixels[i + 3] / 255.0;
            var dot = (0.2126 * Linear(image.Pixels[i])) + (0.7152 * Linear(image.Pixels[i + 1])) + (0.0722 * Linear(image.Pixels[i + 2]));
            sum += (a * dot) + ((1 - a) * skinLuminance);
        }

        return sum / (image.Width * image.Height);
    }
}

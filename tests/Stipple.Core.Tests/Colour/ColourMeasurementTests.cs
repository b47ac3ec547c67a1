using Stipple.Core.Colour;

namespace Stipple.Core.Tests.Colour;

public sealed class ColourMeasurementTests
{
    private static readonly Srgb8 Skin = new(0xb9, 0x8a, 0x6e);

    [Fact]
    public void The_median_ignores_highlights_and_shadows()
    {
        // 1,000 pixels of skin with a little noise, 15 % clipped specular white, 4 % black pores.
        var random = new Random(11);
        var pixels = new List<byte>();
        var highlights = 0;
        for (var i = 0; i < 1000; i++)
        {
            var roll = random.NextDouble();
            if (roll < 0.15)
            {
                pixels.AddRange([250, 250, 252]);
                highlights++;
            }
            else if (roll < 0.19)
            {
                pixels.AddRange([8, 6, 6]);
            }
            else
            {
                var n = random.Next(-3, 4);
                pixels.AddRange([(byte)(Skin.R + n), (byte)(Skin.G + n), (byte)(Skin.B + n)]);
            }
        }

        var result = ColourMeasurement.Measure(pixels.ToArray());

        result.Succeeded.ShouldBeTrue(result.Error);
        var error = Ciede2000.Difference(result.Colour, ColourSpaces.ToLab(Skin));
        error.ShouldBeLessThan(1.0);
        result.DroppedBright.ShouldBeGreaterThanOrEqualTo(highlights);
        result.DroppedDark.ShouldBe(50); // the darkest 5 %, by rank
        (result.Used + result.DroppedBright + result.DroppedDark).ShouldBe(1000);

        // A plain mean would be pulled well off by the highlights: the trimming matters.
        var mean = MeanLab(pixels.ToArray());
        Ciede2000.Difference(mean, ColourSpaces.ToLab(Skin)).ShouldBeGreaterThan(Math.Max(3, 5 * error));
    }

    [Fact]
    public void A_uniform_region_measures_exactly_its_colour()
    {
        var pixels = Enumerable.Repeat(new byte[] { 40, 30, 25 }, 64).SelectMany(p => p).ToArray();
        var result = ColourMeasurement.Measure(pixels);
        result.Colour.ShouldBe(ColourSpaces.ToLab(new Srgb8(40, 30, 25)));
    }

    [Theory]
    [InlineData(15 * 3, "at least 16 pixels")]
    [InlineData((16 * 3) + 1, "whole pixels")]
    public void Too_little_or_ragged_input_is_refused(int bytes, string reason)
    {
        var result = ColourMeasurement.Measure(new byte[bytes]);
        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void Too_many_pixels_are_refused()
    {
        ColourMeasurement.Measure(new byte[(ColourMeasurement.MaxPixels + 1) * 3]).Error.ShouldNotBeNull().ShouldContain("at most");
    }

    [Fact]
    public void A_region_of_nothing_but_clipped_highlights_is_refused()
    {
        var pixels = Enumerable.Repeat((byte)255, 100 * 3).ToArray();
        ColourMeasurement.Measure(pixels).Error.ShouldNotBeNull().ShouldContain("evenly lit");
    }

    private static Lab MeanLab(byte[] rgb)
    {
        double l = 0, a = 0, b = 0;
        var n = rgb.Length / 3;
        for (var i = 0; i < n; i++)
        {
            var lab = ColourSpaces.ToLab(new Srgb8(rgb[3 * i], rgb[(3 * i) + 1], rgb[(3 * i) + 2]));
            l += lab.L;
            a += lab.A;
            b += lab.B;
        }

        return new Lab(l / n, a / n, b / n);
    }
}

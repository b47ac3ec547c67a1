using Stipple.Core.Colour;

namespace Stipple.Core.Tests.Colour;

public sealed class ColourSpacesTests
{
    [Fact]
    public void White_is_L100_with_no_colour_and_black_is_zero()
    {
        var white = ColourSpaces.ToLab(new Srgb8(255, 255, 255));
        var black = ColourSpaces.ToLab(new Srgb8(0, 0, 0));

        white.L.ShouldBe(100, 1e-9);
        white.A.ShouldBe(0, 1e-9);
        white.B.ShouldBe(0, 1e-9);
        black.ShouldBe(new Lab(0, 0, 0));
    }

    [Fact]
    public void Known_colours_have_their_published_lab_values()
    {
        // sRGB red as given by Lindbloom's calculator (D65, sRGB). References round the white point and matrix to
        // 4–5 decimals, which moves L* in the third decimal; ours derives both from the chromaticities.
        var red = ColourSpaces.ToLab(new Srgb8(255, 0, 0));
        red.L.ShouldBe(53.2408, 0.01);
        red.A.ShouldBe(80.0925, 0.05);
        red.B.ShouldBe(67.2032, 0.05);
        ColourSpaces.ToLab(new Srgb8(119, 119, 119)).L.ShouldBe(50.0, 0.1);
    }

    [Fact]
    public void Every_8_bit_srgb_colour_round_trips_through_lab_exactly()
    {
        var failures = 0;
        for (var r = 0; r < 256; r++)
        {
            for (var g = 0; g < 256; g++)
            {
                for (var b = 0; b < 256; b++)
                {
                    var colour = new Srgb8((byte)r, (byte)g, (byte)b);
                    if (ColourSpaces.ToSrgb8(ColourSpaces.ToLab(colour)) != colour)
                    {
                        failures++;
                    }
                }
            }
        }

        failures.ShouldBe(0);
    }
}

using Stipple.Core.Colour;
using Stipple.Core.Design;
using Stipple.Core.Rendering;

namespace Stipple.Core.Tests.Rendering;

/// <summary>Designs, dots and an independent sRGB implementation for the rendering tests.</summary>
internal static class RenderTestData
{
    public const string Shade0 = "#3a3431";
    public const string Shade1 = "#1f4f8a";

    /// <summary>Two zones; session strengths 0.75, 0.9, 1 (the defaults).</summary>
    public static DesignDocument TwoZones { get; } = new()
    {
        Zones =
        [
            new ZoneSpec { Name = "Front", Shade = Shade0 },
            new ZoneSpec { Name = "Crown", Shade = Shade1 },
        ],
    };

    public static Srgb8 Skin => RenderOptions.DefaultSkin;

    /// <summary>IEC 61966-2-1 decoding, written out again here so the tests do not lean on the code under test.</summary>
    public static double Linear(byte code)
    {
        var v = code / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
    }

    public static byte Encode(double linear)
    {
        var v = linear <= 0.0031308 ? linear * 12.92 : (1.055 * Math.Pow(linear, 1 / 2.4)) - 0.055;
        return (byte)Math.Round(255 * Math.Clamp(v, 0, 1), MidpointRounding.AwayFromZero);
    }

    /// <summary>Relative luminance (Rec. 709 weights on linear sRGB) of a pixel of an opaque image.</summary>
    public static double Luminance(uint rgba) =>
        (0.2126 * Linear((byte)(rgba >> 24))) + (0.7152 * Linear((byte)(rgba >> 16))) + (0.0722 * Linear((byte)(rgba >> 8)));

    public static uint Rgba(Srgb8 colour, byte alpha = 255) =>
        ((uint)colour.R << 24) | ((uint)colour.G << 16) | ((uint)colour.B << 8) | alpha;

    /// <summary>A jittered grid of dots, spaced <paramref name="pitchMm"/> apart, over a square of <paramref name="sideMm"/>.</summary>
    public static Dot[] Grid(double sideMm, double pitchMm, float diameterMm, double jitterMm, byte session = 3, int seed = 1)
    {
        var random = new Random(seed);
        var dots = new List<Dot>();
        for (var y = pitchMm / 2; y < sideMm; y += pitchMm)
        {
            for (var x = pitchMm / 2; x < sideMm; x += pitchMm)
            {
                dots.Add(new Dot(
                    (float)(x + ((random.NextDouble() * 2) - 1) * jitterMm),
                    (float)(y + ((random.NextDouble() * 2) - 1) * jitterMm),
                    diameterMm,
                    session,
                    0));
            }
        }

        return [.. dots];
    }

    public static int CountDifferentFrom(RgbaImage image, uint background)
    {
        var count = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (image.GetPixel(x, y) != background)
                {
                    count++;
                }
            }
        }

        return count;
    }

    public static double MeanLuminance(RgbaImage image)
    {
        double sum = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                sum += Luminance(image.GetPixel(x, y));
            }
        }

        return sum / (image.Width * image.Height);
    }
}

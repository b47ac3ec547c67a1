using Stipple.Core.Rendering;

namespace Stipple.Browser.Tests.Infrastructure;

/// <summary>
/// A front photo of a shaved head with crown and frontal loss, painted for the tests (no real client's photo is ever
/// committed): a lit ellipsoid of skin with pores, a stubble fringe on the sides, ears, eyebrows, and a studio
/// backdrop. <see cref="Landmarks"/> says where the alignment handles belong on it.
/// </summary>
internal static class SyntheticScalpPhoto
{
    public const int Width = 1200;
    public const int Height = 900;

    private const double CentreX = 600;
    private const double CentreY = 560;
    private const double RadiusX = 350;
    private const double RadiusY = 430;

    /// <summary>Glabella, right temporal point (the client's right: the photo's left), left temporal point, vertex, in pixels.</summary>
    public static (double X, double Y)[] Landmarks { get; } = [(600, 850), (385, 500), (815, 500), (600, 140)];

    public static byte[] Png(uint seed = 7)
    {
        var image = new RgbaImage(Width, Height);
        var random = new Random((int)seed);
        var pixels = image.Pixels;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var (r, g, b) = Shade(x, y, random);
                var i = ((y * Width) + x) * 4;
                pixels[i] = ToByte(r);
                pixels[i + 1] = ToByte(g);
                pixels[i + 2] = ToByte(b);
                pixels[i + 3] = 255;
            }
        }

        return PngEncoder.Encode(image);
    }

    private static (double R, double G, double B) Shade(int x, int y, Random random)
    {
        // Ears first: they sit beside the skull, below the temples.
        foreach (var side in (int[])[-1, 1])
        {
            var ex = (x - (CentreX + (side * (RadiusX + 18)))) / 38.0;
            var ey = (y - 700) / 85.0;
            if ((ex * ex) + (ey * ey) <= 1)
            {
                var shade = 0.78 + (0.12 * (1 - ey));
                return (0.80 * shade, 0.58 * shade, 0.47 * shade);
            }
        }

        var nx = (x - CentreX) / RadiusX;
        var ny = (y - CentreY) / RadiusY;
        var d2 = (nx * nx) + (ny * ny);
        if (d2 > 1)
        {
            // Backdrop: a soft grey-blue gradient with a little sensor noise.
            var t = (double)y / Height;
            var noise = (random.NextDouble() - 0.5) * 0.02;
            return (0.74 - (0.16 * t) + noise, 0.77 - (0.15 * t) + noise, 0.80 - (0.13 * t) + noise);
        }

        // Lambert shading of an ellipsoid lit from the upper left and the camera, plus a soft highlight on the dome.
        var nz = Math.Sqrt(1 - d2);
        var (lx, ly, lz) = Normalise(-0.35, -0.55, 0.76);
        var diffuse = Math.Max(0, (nx * lx) + (ny * ly) + (nz * lz));
        var light = 0.42 + (0.62 * diffuse);
        var highlight = Math.Pow(Math.Max(0, (nx * -0.2) + (ny * -0.6) + (nz * 0.77)), 40) * 0.22;
        var pore = (random.NextDouble() - 0.5) * 0.035;
        var r = (0.86 * light) + highlight + pore;
        var g = (0.64 * light) + highlight + pore;
        var b = (0.52 * light) + highlight + pore;

        // Eyebrows: two dark arcs just above the bottom edge, either side of the glabella.
        foreach (var side in (int[])[-1, 1])
        {
            var bx = (x - (CentreX + (side * 110))) / 80.0;
            var by = (y - (872 - (14 * (1 - (bx * bx))))) / 11.0;
            if (Math.Abs(bx) <= 1 && Math.Abs(by) <= 1 && random.NextDouble() < 0.75)
            {
                return (0.20, 0.14, 0.11);
            }
        }

        // The remaining hair: a stubble fringe low on the sides, thinning upwards (a Norwood V–VI pattern).
        var across = Math.Abs(nx);
        var fringe = Math.Clamp((across - 0.74) / 0.12, 0, 1) * Math.Clamp((y - 420) / 120.0, 0, 1);
        if (fringe > 0 && random.NextDouble() < fringe * 0.55)
        {
            var dark = 0.25 + (random.NextDouble() * 0.15);
            return (r * dark, g * dark, b * dark);
        }

        return (r, g, b);
    }

    private static (double X, double Y, double Z) Normalise(double x, double y, double z)
    {
        var length = Math.Sqrt((x * x) + (y * y) + (z * z));
        return (x / length, y / length, z / length);
    }

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value * 255), 0, 255);
}

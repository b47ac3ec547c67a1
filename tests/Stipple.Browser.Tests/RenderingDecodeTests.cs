using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Stipple.Browser.Tests.Infrastructure;
using Stipple.Core.Design;
using Stipple.Core.Rendering;

namespace Stipple.Browser.Tests;

/// <summary>
/// A real decoder reads what Stipple.Core.Rendering writes: headless Chromium loads our PNG and SVG from data: URLs into
/// an &lt;img&gt;, draws them on a canvas and hands back the pixels. Needs no app or database, only the browser.
/// </summary>
public sealed class RenderingDecodeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    // Loads a data: URL as an image, draws it 1:1 onto a canvas and returns its natural size and RGBA bytes.
    private const string DecodeScript = """
        async (src) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const context = canvas.getContext('2d', { colorSpace: 'srgb', willReadFrequently: true });
          context.drawImage(img, 0, 0);
          const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
          return { width: img.naturalWidth, height: img.naturalHeight, pixels: Array.from(data) };
        }
        """;

    private static readonly DesignDocument Design = new()
    {
        Zones =
        [
            new ZoneSpec { Name = "Front", Shade = "#3a3431" },
            new ZoneSpec { Name = "Crown", Shade = "#1f4f8a" },
        ],
    };

    private IBrowserContext context = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        context = await browser.Browser.NewContextAsync();
        page = await context.NewPageAsync();
    }

    public async Task DisposeAsync() => await context.CloseAsync();

    [Fact]
    public async Task Chromium_decodes_our_PNG_to_exactly_our_pixels()
    {
        // Opaque pixels only (skin background), so the canvas's premultiplied storage cannot round anything: with no
        // colour chunk the PNG is taken as sRGB, the canvas is sRGB, and every byte must come back as written.
        var dots = RandomDots(400, 24, 16, seed: 5);
        var image = DotRenderer.Render(Design, dots, new MapRect(0, 0, 24, 16), new RenderOptions { PxPerMm = 4, Look = Look.Fresh });

        var (width, height, pixels) = await DecodeAsync("image/png", PngEncoder.Encode(image));

        width.ShouldBe(96);
        height.ShouldBe(64);
        pixels.Distinct().Count().ShouldBeGreaterThan(20, "the render has real variety, not just skin");
        pixels.ShouldBe(image.Pixels);
    }

    [Fact]
    public async Task Chromium_decodes_a_noisy_opaque_PNG_exactly()
    {
        // Every byte value in every channel, in a shape that spans several rows of the zlib window.
        var image = new RgbaImage(130, 70);
        new Random(11).NextBytes(image.Pixels);
        for (var i = 3; i < image.Pixels.Length; i += 4)
        {
            image.Pixels[i] = 255;
        }

        var (_, _, pixels) = await DecodeAsync("image/png", PngEncoder.Encode(image));

        pixels.ShouldBe(image.Pixels);
    }

    [Fact]
    public async Task Chromium_reads_the_alpha_of_a_transparent_render_exactly()
    {
        // The canvas stores premultiplied colour, so colour can move by up to about 255 / alpha levels in faint pixels;
        // alpha itself is exact, and fully opaque pixels keep their colour exactly.
        var dots = RandomDots(300, 24, 16, seed: 9);
        var image = DotRenderer.Render(Design, dots, new MapRect(0, 0, 24, 16), new RenderOptions { PxPerMm = 4, Background = null });

        var (_, _, pixels) = await DecodeAsync("image/png", PngEncoder.Encode(image));

        for (var i = 0; i < pixels.Length; i += 4)
        {
            var alpha = image.Pixels[i + 3];
            pixels[i + 3].ShouldBe(alpha);
            for (var c = 0; c < 3 && alpha > 0; c++)
            {
                var tolerance = alpha == 255 ? 0 : Math.Ceiling(255.0 / alpha);
                ((double)pixels[i + c]).ShouldBe(image.Pixels[i + c], tolerance, $"byte {i + c}");
            }
        }
    }

    [Fact]
    public async Task Chromium_loads_our_SVG_with_its_natural_size_and_background()
    {
        var dots = RandomDots(200, 24, 16, seed: 3);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        SvgWriter.Write(Design, dots, new MapRect(0, 0, 24, 16), new RenderOptions { WidthPx = 240 }, text);

        var (width, height, pixels) = await DecodeAsync("image/svg+xml", Encoding.UTF8.GetBytes(text.ToString()));

        width.ShouldBe(240);
        height.ShouldBe(160);
        pixels.Length.ShouldBe(240 * 160 * 4);
        var skin = RenderOptions.DefaultSkin;
        var skinPixels = 0;
        var darker = 0;
        for (var i = 0; i < pixels.Length; i += 4)
        {
            pixels[i + 3].ShouldBe((byte)255, "the background rect covers the whole image");
            if (pixels[i] == skin.R && pixels[i + 1] == skin.G && pixels[i + 2] == skin.B)
            {
                skinPixels++;
            }
            else if (pixels[i] < skin.R)
            {
                darker++;
            }
        }

        skinPixels.ShouldBeGreaterThan(pixels.Length / 4 / 2, "most of the image is bare skin");
        darker.ShouldBeGreaterThan(0, "the dots are drawn");
    }

    private static Dot[] RandomDots(int count, double widthMm, double heightMm, int seed)
    {
        var random = new Random(seed);
        var dots = new Dot[count];
        for (var i = 0; i < count; i++)
        {
            dots[i] = new Dot(
                (float)(random.NextDouble() * widthMm),
                (float)(random.NextDouble() * heightMm),
                (float)(0.1 + (random.NextDouble() * 0.4)),
                (byte)random.Next(1, 4),
                (byte)random.Next(0, 2));
        }

        return dots;
    }

    private async Task<(int Width, int Height, byte[] Pixels)> DecodeAsync(string mediaType, byte[] file)
    {
        var src = $"data:{mediaType};base64,{Convert.ToBase64String(file)}";
        var result = await page.EvaluateAsync<JsonElement>(DecodeScript, src);
        var pixels = result.GetProperty("pixels").EnumerateArray().Select(v => (byte)v.GetInt32()).ToArray();
        return (result.GetProperty("width").GetInt32(), result.GetProperty("height").GetInt32(), pixels);
    }
}

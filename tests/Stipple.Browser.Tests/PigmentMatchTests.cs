using Microsoft.Playwright;
using Stipple.Browser.Tests.Infrastructure;
using Stipple.Core.Rendering;
using Xunit.Abstractions;

namespace Stipple.Browser.Tests;

/// <summary>
/// A practitioner matches pigment for a client in Chromium: measures hair and skin by dragging over a photo (the
/// browser samples the pixels and the server takes the median), then sees the demo catalogue ranked with swatch pairs.
/// </summary>
public sealed class PigmentMatchTests(KestrelAppFactory app, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<KestrelAppFactory>, IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private WatchedPage watched = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        watched = await WatchedPage.OpenAsync(browser, app);
        page = watched.Page;
    }

    public async Task DisposeAsync() => await watched.DisposeAsync();

    [Fact]
    public async Task A_practitioner_measures_hair_and_skin_on_a_photo_and_gets_a_ranked_match()
    {
        var photo = WritePhoto();
        await watched.SignInAsync("lena@demo.stipple.app");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pigments", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Match pigment" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Match pigment", Level = 1 })).ToBeVisibleAsync();

        // A typo keeps what was typed and says what is wrong, next to the field.
        await page.GetByLabel("Hair colour", new() { Exact = true }).FillAsync("#2b24");
        await page.GetByLabel("Skin colour", new() { Exact = true }).FillAsync("#c49f87");
        await page.GetByRole(AriaRole.Button, new() { Name = "Match pigment" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Hair colour must be written #rrggbb")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Hair colour", new() { Exact = true })).ToHaveValueAsync("#2b24");
        await Assertions.Expect(page.GetByLabel("Skin colour", new() { Exact = true })).ToHaveValueAsync("#c49f87");

        // Measure both from the photo: skin on the right half, hair (with shiny highlights) on the left.
        await page.GetByText("Measure from a photo").ClickAsync();
        await page.Locator("[data-sampler-file]").SetInputFilesAsync(photo);
        await Assertions.Expect(page.Locator("[data-sampler-status]")).ToContainTextAsync("drag over");
        await page.GetByRole(AriaRole.Button, new() { Name = "Measure skin" }).ClickAsync();
        await DragAsync(0.6, 0.2, 0.9, 0.8);
        await Assertions.Expect(page.GetByLabel("Skin colour", new() { Exact = true })).ToHaveValueAsync("#c8a08a");
        await page.GetByRole(AriaRole.Button, new() { Name = "Measure hair" }).ClickAsync();
        await DragAsync(0.1, 0.2, 0.4, 0.8);
        await Assertions.Expect(page.GetByLabel("Hair colour", new() { Exact = true })).ToHaveValueAsync("#2a231f");
        await Assertions.Expect(page.Locator("[data-sampler-status]")).ToContainTextAsync("highlights");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("pigment-match-sampler"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Match pigment" }).ClickAsync();

        var rows = page.GetByTestId("match-table").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("target-hex")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^#[0-9a-f]{6}$"));
        (await rows.First.Locator(".swatch").CountAsync()).ShouldBeGreaterThanOrEqualTo(4);
        var deltas = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.match-table .delta')].map(d => parseFloat(d.textContent))");
        deltas.ShouldBeInOrder(SortDirection.Ascending);
        (await page.GetByTestId("match-table").TextContentAsync() ?? "").ShouldNotContain("Tattoo");
        await Assertions.Expect(page.GetByTestId("model-source")).ToContainTextAsync("default model");
        var shot = Screenshots.PathFor("pigment-match-result");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        output.WriteLine($"Screenshot: {shot}");
        watched.Problems.ShouldBeEmpty();
    }

    /// <summary>Drags across the photo's canvas between two points given as fractions of its size.</summary>
    private async Task DragAsync(double x1, double y1, double x2, double y2)
    {
        var box = (await page.Locator("[data-sampler-canvas]").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync((float)(box.X + (x1 * box.Width)), (float)(box.Y + (y1 * box.Height)));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)(box.X + (x2 * box.Width)), (float)(box.Y + (y2 * box.Height)), new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    /// <summary>A 400 × 200 "photo": dark-brown hair with white highlights on the left, skin on the right.</summary>
    private static string WritePhoto()
    {
        var image = new RgbaImage(400, 200);
        var random = new Random(7);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var highlight = x < 200 && random.NextDouble() < 0.06;
                byte[] colour = x < 200 ? highlight ? [250, 250, 250] : [0x2a, 0x23, 0x1f] : [0xc8, 0xa0, 0x8a];
                var at = (y * image.Stride) + (x * 4);
                image.Pixels[at] = colour[0];
                image.Pixels[at + 1] = colour[1];
                image.Pixels[at + 2] = colour[2];
                image.Pixels[at + 3] = 255;
            }
        }

        var path = Path.Combine(Path.GetTempPath(), $"stipple-photo-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, PngEncoder.Encode(image));
        return path;
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Stipple.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Stipple.Browser.Tests;

/// <summary>
/// The design studio in Chromium, from an uploaded front photo to an approved design and its PDF: align the photo
/// with the four handles, drag the hairline on the photo and watch the height and dot count change, undo and redo,
/// time the live preview with the page's own performance marks, look at fresh and healed, save, approve, download.
/// </summary>
[Collection(TimedJourneys.Name)]
public sealed class DesignStudioJourneyTests(KestrelAppFactory app, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<KestrelAppFactory>, IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private WatchedPage watched = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        watched = await WatchedPage.OpenAsync(browser, app);
        page = watched.Page;
        await page.SetViewportSizeAsync(1600, 1000);
    }

    public async Task DisposeAsync() => await watched.DisposeAsync();

    [Fact]
    public async Task Practitioner_designs_on_the_front_photo_gets_approval_and_downloads_the_summary()
    {
        await watched.SignInAsync("lena@demo.stipple.app");
        await page.GetByRole(AriaRole.Link, new() { Name = "Clients", Exact = true }).ClickAsync();
        await page.GetByLabel("Given name").FillAsync("Tomasz");
        await page.GetByLabel("Family name").FillAsync("Wójcik");
        await page.GetByLabel("Date of birth").FillAsync("1984-03-02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await page.GetByTestId("start-consultation").ClickAsync();

        var photo = Path.Combine(Path.GetTempPath(), $"stipple-front-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(photo, SyntheticScalpPhoto.Png());
        await page.Locator("#file-front").SetInputFilesAsync(photo);
        await page.Locator("[data-angle=front] button").ClickAsync();
        await Assertions.Expect(page.GetByText("Photo saved.")).ToBeVisibleAsync();
        File.Delete(photo);

        await page.GetByTestId("design-link").ClickAsync();
        await Assertions.Expect(page.Locator("#ds-photos[data-ready]")).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByTestId("dot-count")).Not.ToHaveTextAsync("—");

        // A new photo opens in alignment mode: put the four handles on the landmarks and save.
        await page.Locator("#ds-photo-after .ds-photo-stage").ScrollIntoViewIfNeededAsync();
        var stage = await StageAsync();
        var names = new[] { "glabella", "rightTemporal", "leftTemporal", "vertex" };
        for (var i = 0; i < names.Length; i++)
        {
            var (x, y) = SyntheticScalpPhoto.Landmarks[i];
            await DragAsync(page.Locator($"#ds-photo-after [data-landmark={names[i]}] .ds-dot"), stage.ToScreen(x, y));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save alignment" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ds-align-status")).ToHaveTextAsync("Alignment of the front photo saved.");
        await Assertions.Expect(page.Locator(".ds-photo-scale text")).ToContainTextAsync("mm at the hairline");

        // Drag the mid-frontal point up the forehead on the photo: the line rises and the dot count changes.
        var height = await page.GetByTestId("mfp").TextContentAsync();
        height.ShouldBe("8.0 cm");
        var dots = await page.GetByTestId("dot-count").TextContentAsync();
        var mid = page.Locator("#ds-photo-after .ds-handle-hairline[data-index='7']");
        var box = (await mid.BoundingBoxAsync())!;
        await DragAsync(mid, (box.X + (box.Width / 2), box.Y + (box.Height / 2) - 16));
        await Assertions.Expect(page.GetByTestId("mfp")).Not.ToHaveTextAsync("8.0 cm");
        var raised = Centimetres(await page.GetByTestId("mfp").TextContentAsync());
        raised.ShouldBeGreaterThan(8.0);
        await Assertions.Expect(page.GetByTestId("dot-count")).Not.ToHaveTextAsync(dots!);

        // Undo and redo the drag.
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("mfp")).ToHaveTextAsync("8.0 cm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Redo" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("mfp")).Not.ToHaveTextAsync("8.0 cm");

        // The live preview: from a change to the frame with the new dots, as the page's own performance measures.
        var timings = await MeasureUpdatesAsync(30);
        Array.Sort(timings);
        var count = await page.EvaluateAsync<int>("() => window.stippleDesignStudio.dots.count");
        var report = string.Create(
            CultureInfo.InvariantCulture,
            $"design-update over {timings.Length} changes, {count} dots: median {timings[timings.Length / 2]:0.0} ms, p95 {timings[(int)Math.Ceiling(timings.Length * 0.95) - 1]:0.0} ms, max {timings[^1]:0.0} ms");
        output.WriteLine(report);
        await File.WriteAllTextAsync(Screenshots.PathFor("design-update-timings").Replace(".png", ".txt", StringComparison.Ordinal), report + Environment.NewLine);
        count.ShouldBeGreaterThan(20_000);

        // Healed and fresh over the photo: whole (the healed tone is faint at this size, as on a real photo), at 2× where
        // the stubble shows, and single dots at 8×.
        await Shot("design-healed-fit");
        await page.GetByLabel("Zoom").SelectOptionAsync("2");
        await Shot("design-healed-on-photo");
        await page.Locator(".ds-segmented label").Filter(new() { HasText = "Fresh" }).ClickAsync();
        await Shot("design-fresh-on-photo");
        await page.Locator(".ds-segmented label").Filter(new() { HasText = "Healed" }).ClickAsync();
        await page.GetByLabel("Zoom").SelectOptionAsync("8");
        await Shot("design-healed-8x");
        await page.GetByLabel("Zoom").SelectOptionAsync("fit");
        await page.GetByLabel("Before and after").CheckAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("design-studio"), FullPage = true });

        // Save, approve, download: the PDF shows the saved version's hairline height, as the versions table does.
        await page.GetByLabel("Note for this version").FillAsync("Line raised for a mature look");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save version" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ds-status")).ToHaveTextAsync("Saved as version 1.");
        await Assertions.Expect(page.GetByTestId("versions")).ToContainTextAsync("Line raised for a mature look");
        var savedHeight = await page.Locator("[data-testid=versions] tr[data-version='1'] td").Nth(2).TextContentAsync();
        await page.GetByLabel("Client's name, typed by the client").FillAsync("Tomasz Wójcik");
        await page.GetByRole(AriaRole.Button, new() { Name = "Client approves this version" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("approval")).ToContainTextAsync("Version 1 approved by Tomasz Wójcik");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("design-pdf").ClickAsync());
        var pdf = Path.Combine(Path.GetTempPath(), $"stipple-design-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(pdf);
        var text = await PdfText.ReadAsync(pdf);
        File.Delete(pdf);
        text.ShouldContain("Tomasz Wójcik");
        text.ShouldContain("Hairline height");
        output.WriteLine(text);
        text.ShouldContain($"{savedHeight} above the glabella");
        text.ShouldContain("Frontal");
        text.ShouldContain("Approved by Tomasz Wójcik");
        watched.Problems.ShouldBeEmpty();
    }

    private async Task<double[]> MeasureUpdatesAsync(int changes)
    {
        // Nudge the mid-frontal point on the map with the keyboard, one change at a time so each is timed alone.
        await page.EvaluateAsync("() => performance.clearMeasures('design-update')");
        var handle = page.Locator("#ds-map .ds-handle-hairline[data-index='7']");
        await handle.FocusAsync();
        for (var i = 1; i <= changes; i++)
        {
            await page.Keyboard.PressAsync(i % 2 == 0 ? "ArrowDown" : "ArrowUp");
            await page.WaitForFunctionAsync("n => performance.getEntriesByName('design-update').length >= n", i);
        }

        var json = await page.EvaluateAsync<JsonElement>("() => performance.getEntriesByName('design-update').map(e => e.duration)");
        return [.. json.EnumerateArray().Select(e => e.GetDouble())];
    }

    private async Task Shot(string name)
    {
        var path = Screenshots.PathFor(name);
        await page.Locator("#ds-photo-after .ds-photo-stage").ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        output.WriteLine($"Screenshot: {path}");
    }

    private async Task DragAsync(ILocator handle, (double X, double Y) to)
    {
        var box = (await handle.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)to.X, (float)to.Y, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    private async Task<Stage> StageAsync()
    {
        var box = (await page.Locator("#ds-photo-after .ds-photo-stage").BoundingBoxAsync())!;
        var zoom = Math.Min(box.Width / SyntheticScalpPhoto.Width, box.Height / SyntheticScalpPhoto.Height);
        return new Stage(box.X + ((box.Width - (SyntheticScalpPhoto.Width * zoom)) / 2), box.Y + ((box.Height - (SyntheticScalpPhoto.Height * zoom)) / 2), zoom);
    }

    private static double Centimetres(string? text) => double.Parse(text!.Replace(" cm", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private sealed record Stage(double Left, double Top, double Zoom)
    {
        public (double X, double Y) ToScreen(double x, double y) => (Left + (x * Zoom), Top + (y * Zoom));
    }
}

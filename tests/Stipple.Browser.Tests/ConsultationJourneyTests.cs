using Microsoft.Playwright;
using NodaTime;
using NodaTime.Text;
using Stipple.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Stipple.Browser.Tests;

/// <summary>
/// A whole consultation as staff, in Chromium: a new client, the intake at the chair, screening that defers SMP for
/// isotretinoin stopped 60 days ago, the front photo from the camera roll, consent drawn on the signature pad, and the
/// signed PDF downloaded and read back.
/// </summary>
public sealed class ConsultationJourneyTests(KestrelAppFactory app, BrowserFixture browser, ITestOutputHelper output)
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
    public async Task Staff_run_a_consultation_from_new_client_to_signed_consent_pdf()
    {
        await watched.SignInAsync("lena@demo.stipple.app");
        await page.GetByRole(AriaRole.Link, new() { Name = "Clients", Exact = true }).ClickAsync();
        await page.GetByLabel("Given name").FillAsync("Zoë");
        await page.GetByLabel("Family name").FillAsync("Ó Briain");
        await page.GetByLabel("Date of birth").FillAsync("1991-07-09");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zoë Ó Briain", Level = 1 })).ToBeVisibleAsync();

        await page.GetByTestId("start-consultation").ClickAsync();
        await page.GetByTestId("intake-link").ClickAsync();
        await page.GetByLabel("Norwood–Hamilton").SelectOptionAsync("IIIVertex");
        await page.GetByLabel("Full coverage with a buzz-cut look").CheckAsync();
        await page.GetByTestId("med-Isotretinoin").CheckAsync();
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        var stopped = today.PlusDays(-60);
        await page.Locator("#med-0-stop").FillAsync(LocalDatePattern.Iso.Format(stopped));
        await page.GetByLabel("Fitzpatrick type").SelectOptionAsync("3");
        await page.GetByLabel("Undertone").SelectOptionAsync("warm");
        await page.GetByTestId("save-intake").ClickAsync();

        // Screening: deferred until 180 days after the last dose, and SMP sessions cannot be booked before then.
        var isotretinoin = page.Locator(".finding[data-rule=isotretinoin]");
        await Assertions.Expect(isotretinoin).ToContainTextAsync("Deferred until");
        await Assertions.Expect(isotretinoin).ToContainTextAsync(LocalDatePattern.Iso.Format(stopped.PlusDays(180)));
        await Assertions.Expect(page.GetByTestId("overall")).ToHaveTextAsync("Deferred");
        await Assertions.Expect(page.GetByTestId("gate")).ToContainTextAsync("SMP sessions cannot be booked before");

        // The front photo, as a phone would send it (with GPS in its EXIF, which the server removes).
        await page.Locator("#file-front").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "phone.jpg"));
        await page.Locator("[data-angle=front] button").ClickAsync();
        await Assertions.Expect(page.GetByText("Photo saved.")).ToBeVisibleAsync();
        var front = page.Locator("[data-angle=front] img");
        await Assertions.Expect(front).ToBeVisibleAsync();
        (await front.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(0);

        // Consent: read the text, type the name, draw the signature.
        await page.GetByTestId("sign-smp-treatment").ClickAsync();
        await Assertions.Expect(page.GetByTestId("consent-text")).ToContainTextAsync("permanent");
        await page.GetByLabel("Your full name").FillAsync("Zoë Ó Briain");
        var pad = await page.Locator("[data-signature-canvas]").BoundingBoxAsync();
        pad.ShouldNotBeNull();
        await page.Mouse.MoveAsync(pad.X + 20, pad.Y + pad.Height * 0.7f);
        await page.Mouse.DownAsync();
        for (var i = 1; i <= 30; i++)
        {
            await page.Mouse.MoveAsync(pad.X + 20 + (i * (pad.Width - 40) / 30), pad.Y + (pad.Height * (0.3f + (0.4f * (i % 2)))));
        }

        await page.Mouse.UpAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("consultation-consent-sign"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign consent" }).ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download PDF" }).First.ClickAsync());
        var pdf = Path.Combine(Path.GetTempPath(), $"stipple-consent-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(pdf);
        var shot = Screenshots.PathFor("consultation-record");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        output.WriteLine($"Screenshot: {shot}");

        // The PDF opens (Poppler reads it) and holds the typed name and the consent text.
        var text = await PdfText.ReadAsync(pdf);
        text.ShouldContain("Zoë Ó Briain");
        text.ShouldContain("permanent");
        File.Delete(pdf);
        watched.Problems.ShouldBeEmpty();
    }
}

using Microsoft.Playwright;
using Stipple.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Stipple.Browser.Tests;

/// <summary>A practitioner looks at a template's previews in Chromium: images that decode, the numbers, and the look and session switches.</summary>
public sealed class DesignPreviewTests(KestrelAppFactory app, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<KestrelAppFactory>, IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<string> problems = [];
    private IBrowserContext context = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (string.Equals(message.Type, "error", StringComparison.Ordinal))
            {
                problems.Add(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"HTTP {response.Status} for {response.Url}");
            }
        };
    }

    public async Task DisposeAsync() => await context.CloseAsync();

    [Fact]
    public async Task A_practitioner_previews_a_template_healed_then_fresh_after_session_one()
    {
        await page.GotoAsync("/Accounts/SignIn");
        await page.GetByLabel("E-mail address").FillAsync("lena@demo.stipple.app");
        await page.GetByLabel("Password").FillAsync("stipple-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Design previews" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Design previews" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("zones").Locator("tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByTestId("total-dots")).ToContainTextAsync("impressions in all");
        (await ImageWidthsAsync()).ShouldBe([1000, 1080]);
        var healed = await page.GetByTestId("preview-hairline").GetAttributeAsync("src");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("design-preview-healed"), FullPage = true });

        await page.GetByLabel("Look", new() { Exact = true }).SelectOptionAsync("fresh");
        await page.GetByLabel("After session").SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show preview" }).ClickAsync();

        await Assertions.Expect(page.GetByLabel("After session")).ToHaveValueAsync("1");
        var fresh = await page.GetByTestId("preview-hairline").GetAttributeAsync("src");
        fresh.ShouldNotBeNull();
        fresh.ShouldNotBe(healed);
        fresh.ShouldContain("look=fresh");
        fresh.ShouldContain("session=1");
        (await ImageWidthsAsync()).ShouldBe([1000, 1080]);
        var shot = Screenshots.PathFor("design-preview-fresh-session-1");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        output.WriteLine($"Screenshot: {shot}");
        problems.ShouldBeEmpty();
    }

    private async Task<int[]> ImageWidthsAsync()
    {
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.preview-image')].every(i => i.complete)");
        return await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('.preview-image')].map(i => i.naturalWidth)");
    }
}

using Microsoft.Playwright;
using Stipple.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Stipple.Browser.Tests;

/// <summary>A practitioner looks at a template's previews in Chromium: images that decode, the numbers, and the look and session switches.</summary>
public sealed class DesignPreviewTests(KestrelAppFactory app, BrowserFixture browser, ITestOutputHelper output)
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
    public async Task A_practitioner_previews_a_template_healed_then_fresh_after_session_one()
    {
        await watched.SignInAsync("lena@demo.stipple.app");
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
        watched.Problems.ShouldBeEmpty();
    }

    private async Task<int[]> ImageWidthsAsync()
    {
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.preview-image')].every(i => i.complete)");
        return await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('.preview-image')].map(i => i.naturalWidth)");
    }
}

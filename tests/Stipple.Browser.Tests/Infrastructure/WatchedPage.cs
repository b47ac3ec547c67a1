using Microsoft.Playwright;

namespace Stipple.Browser.Tests.Infrastructure;

/// <summary>
/// A page for one journey in its own browser context, recording what went wrong on the way (console errors, CSP
/// violations included, and any HTTP status of 400 or more) so a test can assert there was nothing.
/// </summary>
public sealed class WatchedPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> problems = [];

    private WatchedPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
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

    public IPage Page { get; }

    public IReadOnlyList<string> Problems => problems;

    public static async Task<WatchedPage> OpenAsync(BrowserFixture browser, KestrelAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(app);
        var browserContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        browserContext.SetDefaultTimeout(20_000);
        return new WatchedPage(browserContext, await browserContext.NewPageAsync());
    }

    /// <summary>Signs in one of the demo studio's staff through the sign-in page.</summary>
    public async Task SignInAsync(string email, string password = "stipple-demo")
    {
        await Page.GotoAsync("/Accounts/SignIn");
        await Page.GetByLabel("E-mail address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stipple.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Stipple.Browser.Tests;

/// <summary>
/// The demo owner's first minutes in a real browser (headless Chromium against Kestrel): signing in, the dashboard,
/// keyboard access, the htmx client search, and a console free of errors (CSP violations included).
/// </summary>
public sealed class DashboardJourneyTests(KestrelAppFactory app, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<KestrelAppFactory>, IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string OwnerEmail = "owner@demo.stipple.app";
    private const string DemoPassword = "stipple-demo";
    private const string StudioName = "Northline SMP Studio";

    private static readonly string[] DemoClients =
    [
        "James Whitfield", "Daniel Osei", "Marcus Lindqvist", "Ahmed Rahman", "Chris Donnelly", "Luca Bianchi",
        "Sophie Turner", "Kwame Mensah", "Ryan O'Connell", "Hiroshi Tanaka", "Grace Adeyemi", "Mateo García",
    ];

    private readonly List<string> problems = [];
    private IBrowserContext context = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        page = await context.NewPageAsync();

        // Everything the browser complains about, CSP violations included, from the very first page on.
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Record($"console {message.Type} on {page.Url}: {message.Text}", isError: string.Equals(message.Type, "error", StringComparison.Ordinal));
            }
        };
        page.PageError += (_, error) => Record($"page error on {page.Url}: {error}", isError: true);
        page.RequestFailed += (_, request) => Record($"request failed: {request.Method} {request.Url} ({request.Failure})", isError: true);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Record($"HTTP {response.Status} for {response.Request.Method} {response.Url}", isError: true);
            }
        };
    }

    public async Task DisposeAsync() => await context.CloseAsync();

    [Fact]
    public async Task Owner_signs_in_and_lands_on_the_dashboard()
    {
        await SignInAsync(OwnerEmail, DemoPassword);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Assertions.Expect(heading).ToContainTextAsync("Good");
        await Assertions.Expect(heading).ToContainTextAsync("Maya");

        var recent = page.GetByRole(AriaRole.Region, new() { Name = "Recent clients" });
        await Assertions.Expect(recent).ToBeVisibleAsync();
        var recentItems = recent.GetByRole(AriaRole.Listitem);
        await Assertions.Expect(recentItems.First).ToBeVisibleAsync();
        (await recentItems.CountAsync()).ShouldBeGreaterThan(0);
        await Assertions.Expect(recent).ToContainTextAsync(new Regex(string.Join('|', DemoClients.Select(Regex.Escape))));

        var sidebar = page.Locator("header.sidebar");
        await Assertions.Expect(sidebar.GetByText(StudioName)).ToBeVisibleAsync();

        var screenshot = Screenshots.PathFor("dashboard");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Dashboard screenshot: {screenshot}");
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_keeps_the_email()
    {
        await SignInAsync(OwnerEmail, "not-the-password");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Accounts/SignIn", RegexOptions.IgnoreCase));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("don't match");
        await Assertions.Expect(page.GetByLabel("E-mail address")).ToHaveValueAsync(OwnerEmail);
        await Assertions.Expect(page.GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync("");
    }

    [Fact]
    public async Task Keyboard_reaches_the_sign_in_fields_in_order_and_the_skip_link_first_on_the_dashboard()
    {
        await page.GotoAsync("/Accounts/SignIn");
        var email = page.GetByLabel("E-mail address");
        var password = page.GetByLabel("Password", new() { Exact = true });
        var signIn = page.GetByRole(AriaRole.Button, new() { Name = "Sign in" });

        // Let autofocus land first (it is the page's own behaviour), then start tabbing from the top of the document.
        await Assertions.Expect(email).ToBeFocusedAsync();
        await page.Mouse.ClickAsync(2, 2);
        await Assertions.Expect(email).Not.ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(email).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(OwnerEmail);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(password).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(DemoPassword);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(signIn).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Maya");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Client_search_updates_the_results_in_place()
    {
        await SignInAsync(OwnerEmail, DemoPassword);
        await page.GotoAsync("/Clients");
        await WaitForHtmxAsync();

        var results = page.Locator("#client-results");
        await Assertions.Expect(results).ToContainTextAsync("James Whitfield");
        await Assertions.Expect(results).ToContainTextAsync("Grace Adeyemi");

        // A marker on window survives an htmx swap but not a full page load.
        await page.EvaluateAsync("() => { window.__stippleNoReload = true; }");

        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search clients" });
        var response = await page.RunAndWaitForResponseAsync(
            () => search.FillAsync("Grace"),
            r => r.Url.Contains("/Clients", StringComparison.OrdinalIgnoreCase) && r.Url.Contains("search=Grace", StringComparison.Ordinal));
        response.Status.ShouldBe(200);

        await Assertions.Expect(results).ToContainTextAsync("Grace Adeyemi");
        await Assertions.Expect(results).Not.ToContainTextAsync("James Whitfield");
        await Assertions.Expect(results.GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // header + Grace
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Clients\?search=Grace$"));
        (await page.EvaluateAsync<bool>("() => window.__stippleNoReload === true")).ShouldBeTrue("the search reloaded the whole page instead of swapping the results");
        await Assertions.Expect(search).ToHaveValueAsync("Grace");

        ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Dashboard_has_no_console_errors()
    {
        await SignInAsync(OwnerEmail, DemoPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Maya");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await WaitForHtmxAsync();

        // Reload once more so the dashboard is also checked as a fresh navigation, not only as a redirect target.
        await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await WaitForHtmxAsync();

        ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Error_watch_catches_a_csp_violation()
    {
        // Guards the test above against passing vacuously: an inline script must be refused by the CSP and reported.
        await page.GotoAsync("/Accounts/SignIn");
        var message = await page.RunAndWaitForConsoleMessageAsync(
            () => page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.head.append(s); }"),
            new PageRunAndWaitForConsoleMessageOptions { Predicate = m => string.Equals(m.Type, "error", StringComparison.Ordinal) });

        message.Text.ShouldContain("Content Security Policy");
        (await page.EvaluateAsync<bool>("() => window.__inline === undefined")).ShouldBeTrue("the inline script ran despite the CSP");
        lock (problems)
        {
            problems.ShouldContain(p => p.Contains("Content Security Policy", StringComparison.Ordinal));
        }
    }

    private async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("/Accounts/SignIn");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private async Task WaitForHtmxAsync() =>
        await page.WaitForFunctionAsync("() => typeof window.htmx !== 'undefined'");

    private void Record(string message, bool isError)
    {
        lock (problems)
        {
            output.WriteLine(message);
            if (isError)
            {
                problems.Add(message);
            }
        }
    }

    private void ShouldHaveNoErrors()
    {
        string[] snapshot;
        lock (problems)
        {
            snapshot = [.. problems];
        }

        snapshot.ShouldBeEmpty("the browser reported errors:\n" + string.Join('\n', snapshot));
    }
}

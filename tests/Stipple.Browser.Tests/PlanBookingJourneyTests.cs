using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stipple.Browser.Tests.Infrastructure;
using Stipple.Data.Seed;
using Stipple.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Stipple.Browser.Tests;

/// <summary>
/// The acceptance journey in Chromium: the front desk opens a screened client, asks for Wednesdays, books the
/// first complete 3-session plan (with its healed review) in one step, and sees every session in the practitioner's
/// week view.
/// </summary>
public sealed class PlanBookingJourneyTests(KestrelAppFactory app, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<KestrelAppFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Front_desk_books_a_three_session_plan_and_sees_it_in_the_week_view()
    {
        var client = await ScreenedClientAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 960 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") { problems.Add($"console {m.Type} on {page.Url}: {m.Text}"); } };
        page.PageError += (_, e) => problems.Add("page error: " + e);

        await page.GotoAsync("/Accounts/SignIn");
        await page.GetByLabel("E-mail address").FillAsync("desk@demo.stipple.app");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoStudio.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GotoAsync($"/Clients/{client.Id}");
        await page.GetByTestId("plan-link").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Treatment plan");
        await page.GetByTestId("sessions").SelectOptionAsync("3");
        await page.GetByLabel("Wed", new() { Exact = true }).CheckAsync();
        await page.GetByTestId("find-times").ClickAsync();
        var schedules = page.GetByTestId("schedule");
        await Assertions.Expect(schedules.First).ToBeVisibleAsync();
        var first = schedules.First;
        await Assertions.Expect(first.Locator(".plan-slot")).ToHaveCountAsync(4);
        await Assertions.Expect(first).ToContainTextAsync("Session 1 of 3");
        await Assertions.Expect(first).ToContainTextAsync("Healed review");
        await Assertions.Expect(first).ToContainTextAsync("Wednesday");
        await Shot(page, "plan-proposals");

        await first.GetByTestId("book-schedule").ClickAsync();
        var booked = page.GetByTestId("booked-plan");
        await Assertions.Expect(booked.Locator(".plan-slot")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator(".flash, [role=status]").First).ToContainTextAsync("Plan booked");
        var sessions = await booked.Locator(".plan-slot").AllInnerTextsAsync();
        output.WriteLine(string.Join('\n', sessions));
        await Shot(page, "plan-booked");

        // Every session shows in the practitioner's week view, under the client's name.
        for (var i = 0; i < 3; i++)
        {
            await booked.GetByTestId("week-link").Nth(i).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Calendar");
            var block = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(client.Name)) });
            await Assertions.Expect(block).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync($"Session {i + 1} of 3");
            if (i == 0)
            {
                await Shot(page, "plan-week-view");
            }

            await page.GoBackAsync();
        }

        problems.ShouldBeEmpty(string.Join('\n', problems));
    }

    private async Task<(Guid Id, string Name)> ScreenedClientAsync()
    {
        var key = await app.CreateApiKeyAsync(DemoStudio.StudioId);
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        var family = "Journey" + Guid.NewGuid().ToString("N")[..6];
        var response = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Noah", familyName = family, email = $"{family}@example.com", dateOfBirth = StippleAppFactory.AdultDateOfBirth });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var consultation = await CareTestData.StartConsultationAsync(app, DemoStudio.StudioId, id);
        await CareTestData.SubmitIntakeAsync(app, DemoStudio.StudioId, consultation, CareTestData.Clean());
        return (id, $"Noah {family}");
    }

    private async Task Shot(IPage page, string name)
    {
        var path = Screenshots.PathFor(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"{name}: {path}");
    }
}

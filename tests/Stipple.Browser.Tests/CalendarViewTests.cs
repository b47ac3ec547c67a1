using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using Stipple.Browser.Tests.Infrastructure;
using Stipple.Core.Scheduling;
using Stipple.Data.Seed;
using Stipple.Domain;
using Stipple.Web.Tests;
using Xunit.Abstractions;

namespace Stipple.Browser.Tests;

/// <summary>
/// The front desk's calendar in a real browser: this week's appointments in the demo studio, moving a week on and back
/// with htmx (URL pushed, no reload, the back button restores), the now-line, and screenshots of the week, day and summary
/// views.
/// </summary>
public sealed class CalendarViewTests(KestrelAppFactory app, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<KestrelAppFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Front_desk_reads_the_week_moves_through_it_with_htmx_and_opens_an_appointment()
    {
        var (lena, monday) = await SeedWeekAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 960 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") { problems.Add($"console {m.Type} on {page.Url}: {m.Text} at {m.Location}"); } };
        page.PageError += (_, e) => problems.Add("page error: " + e);

        await page.GotoAsync("/Accounts/SignIn");
        await page.GetByLabel("E-mail address").FillAsync("desk@demo.stipple.app");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoStudio.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Calendar", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Calendar");

        await page.GotoAsync($"/Calendar?view=week&date={monday:uuuu-MM-dd}&by=practitioner&show={lena}");
        var grid = page.GetByRole(AriaRole.Table);
        await Assertions.Expect(grid.GetByRole(AriaRole.Link, new() { Name = "Luca Bianchi" })).ToBeVisibleAsync();
        await Assertions.Expect(grid.GetByRole(AriaRole.Columnheader).Nth(1)).ToContainTextAsync("Mon");
        await Shot(page, "calendar-week");

        // Next week through htmx: the URL is pushed, the page is not reloaded; the back button brings this week back.
        await page.WaitForFunctionAsync("() => typeof window.htmx !== 'undefined'");
        await page.EvaluateAsync("() => { window.__calendarNoReload = true; }");
        var heading = page.Locator("#calendar-heading");
        var thisWeek = await heading.InnerTextAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next week" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"date={monday.PlusDays(7):uuuu-MM-dd}"));
        await Assertions.Expect(heading).Not.ToHaveTextAsync(thisWeek);
        (await page.EvaluateAsync<bool>("() => window.__calendarNoReload === true")).ShouldBeTrue("htmx swapped the calendar in place");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Next week" })).ToBeFocusedAsync();
        await page.GoBackAsync();
        await Assertions.Expect(heading).ToHaveTextAsync(thisWeek);
        await Assertions.Expect(grid.GetByRole(AriaRole.Link, new() { Name = "Luca Bianchi" })).ToBeVisibleAsync();

        // Choosing another practitioner swaps the grid at once (the form's change trigger) and keeps focus on the select.
        var who = page.GetByLabel("Practitioner", new() { Exact = true });
        await who.FocusAsync();
        await who.SelectOptionAsync(new SelectOptionValue { Label = "Tomás Ortega" });
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("show=[0-9a-f-]{36}"));
        await Assertions.Expect(grid.GetByRole(AriaRole.Link, new() { Name = "Luca Bianchi" })).ToHaveCountAsync(0);
        await Assertions.Expect(who).ToBeFocusedAsync();
        (await page.EvaluateAsync<bool>("() => window.__calendarNoReload === true")).ShouldBeTrue("the select swapped the calendar in place");

        // Today (no date in the URL), with the browser's clock at 14:10 in London: the now-line is drawn at that time.
        var todayDate = SystemClock.Instance.GetCurrentInstant().InZone(CalendarTestData.London).Date;
        await page.Clock.SetFixedTimeAsync(CalendarTestData.London.AtStrictly(todayDate.At(new LocalTime(14, 10))).ToDateTimeUtc());
        await page.GotoAsync("/Calendar?view=day&cancelled=1");
        await Assertions.Expect(page.Locator(".cal-block.is-cancelled")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".cal-now-line")).ToBeVisibleAsync();
        await Shot(page, "calendar-day");
        await page.SetViewportSizeAsync(390, 844);
        await Shot(page, "calendar-day-phone");
        await page.SetViewportSizeAsync(1440, 960);
        await page.GotoAsync($"/Calendar?view=week&date={monday:uuuu-MM-dd}&by=room&show=all");
        await Assertions.Expect(page.GetByTestId("calendar-summary")).ToContainTextAsync("Tomás Ortega");
        await Shot(page, "calendar-week-summary");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Luca Bianchi") }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Session 1 of 4 with Luca Bianchi");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Reschedule" })).ToBeVisibleAsync();
        await Shot(page, "calendar-appointment");

        problems.ShouldBeEmpty(string.Join('\n', problems));
    }

    private async Task Shot(IPage page, string name)
    {
        var path = Screenshots.PathFor(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"{name}: {path}");
    }

    /// <summary>A plausible week for the demo studio's two practitioners and rooms; returns Lena's id and the week's Monday.</summary>
    private async Task<(Guid Lena, LocalDate Monday)> SeedWeekAsync()
    {
        var studio = DemoStudio.StudioId;
        var (staff, rooms, clients) = await app.InStudioAsync(studio, async db => (
            await db.StaffUsers.ToDictionaryAsync(s => s.DisplayName, s => s.Id),
            await db.Rooms.OrderBy(r => r.Name).Select(r => r.Id).ToListAsync(),
            await db.Clients.ToDictionaryAsync(c => c.GivenName + " " + c.FamilyName, c => c.Id)));
        var (lena, tom) = (staff["Lena Brooks"], staff["Tomás Ortega"]);
        var monday = Web.Features.Calendar.CalendarQuery.WeekStart(SystemClock.Instance.GetCurrentInstant().InZone(CalendarTestData.London).Date);
        var now = SystemClock.Instance.GetCurrentInstant();

        async Task<Guid> Book(string client, Guid who, int room, ServiceKind kind, int day, int hour, int minute, int minutes, int sessions = 0, int step = 0)
        {
            Guid? plan = sessions > 0 ? await CalendarTestData.PlanAsync(app, studio, clients[client], sessions) : null;
            return await CalendarTestData.BookAsync(app, studio, clients[client], who, rooms[room], kind, monday.PlusDays(day).At(new LocalTime(hour, minute)), minutes,
                planId: plan, step: plan is null ? null : step, bookedBy: staff["Priya Shah"]);
        }

        async Task Finish(Guid id, int day, int hour, bool noShow = false)
        {
            if (CalendarTestData.London.AtLeniently(monday.PlusDays(day).At(new LocalTime(hour, 0))).ToInstant() < now)
            {
                if (noShow)
                {
                    await app.InStudioAsync(studio, async db =>
                    {
                        (await db.Appointments.SingleAsync(a => a.Id == id)).MarkNoShow(now);
                        return await db.SaveChangesAsync();
                    });
                }
                else
                {
                    await CalendarTestData.CompleteAsync(app, studio, id);
                }
            }
        }

        // Monday to Friday of this week (but not today), then a busy today with a cancelled slot taken again.
        var today = Period.DaysBetween(monday, SystemClock.Instance.GetCurrentInstant().InZone(CalendarTestData.London).Date);
        if (today != 0)
        {
            await Finish(await Book("James Whitfield", lena, 0, ServiceKind.FirstSession, 0, 10, 0, 240, 3, 1), 0, 10);
        }

        if (today != 1)
        {
            await Finish(await Book("Daniel Osei", tom, 1, ServiceKind.FollowUpSession, 1, 9, 30, 180, 3, 2), 1, 9);
        }

        if (today != 2)
        {
            await Finish(await Book("Marcus Lindqvist", lena, 0, ServiceKind.Consultation, 2, 14, 0, 30), 2, 14, noShow: true);
        }

        if (today != 3)
        {
            await Book("Ahmed Rahman", tom, 1, ServiceKind.FirstSession, 3, 10, 0, 240, 3, 1);
        }

        if (today != 4)
        {
            await Book("Chris Donnelly", lena, 0, ServiceKind.FollowUpSession, 4, 9, 0, 180, 3, 3);
            await Book("Grace Adeyemi", tom, 1, ServiceKind.FollowUpSession, 4, 12, 0, 180, 3, 2);
        }

        await Book("Luca Bianchi", lena, 0, ServiceKind.FirstSession, today, 10, 0, 240, 4, 1);
        await Book("Sophie Turner", tom, 1, ServiceKind.HealedReview, today, 11, 0, 30);
        await Book("Kwame Mensah", tom, 1, ServiceKind.Consultation, today, 13, 0, 30);
        var cancelled = await Book("Hiroshi Tanaka", lena, 0, ServiceKind.Consultation, today, 15, 0, 30);
        await CalendarTestData.CancelAsync(app, studio, cancelled);
        await Book("Ryan O'Connell", lena, 0, ServiceKind.TouchUp, today, 15, 0, 90);
        await app.InStudioAsync(studio, async db =>
        {
            var from = CalendarTestData.London.AtStrictly(monday.PlusDays(2).At(new LocalTime(13, 0))).ToInstant();
            db.TimeOff.Add(TimeOff.Create(studio, tom, from, from + Duration.FromHours(5), "Training", null, now));
            return await db.SaveChangesAsync();
        });
        return (lena, monday);
    }
}

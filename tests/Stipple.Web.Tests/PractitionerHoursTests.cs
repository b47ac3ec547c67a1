using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Stipple.Domain;
using Stipple.Web.Tests.Infrastructure;
using static Stipple.Web.Tests.StudioCalendarSettingsPages;

namespace Stipple.Web.Tests;

/// <summary>
/// A member of staff's hours and time off (/Staff/{id}/Hours): owners edit anyone's and decide who takes bookings;
/// a practitioner edits only their own. Time off is typed in the studio's local time: a time in the spring-forward gap
/// maps forward to the moment the clocks jump to, a time in the autumn overlap to the earlier of the two.
/// </summary>
public sealed class PractitionerHoursTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>
{
    [Fact]
    public async Task A_practitioner_sets_their_own_hours_and_goes_back_to_the_studios()
    {
        var studio = await app.CreateStudioAsync("Own Hours");
        var me = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        var page = Path(studio.Practitioner.Id);
        var html = WebUtility.HtmlDecode(await me.Client.GetStringAsync(page));
        html.ShouldContain("Your hours and time off");
        html.ShouldContain("Mon–Sat 09:00–18:00");
        ValueOf(html, "Week.Days[0].Slots[0].Opens").ShouldBe("09:00", "the table starts from the studio's hours");

        var form = new Dictionary<string, string> { ["mode"] = "own" };
        for (var d = 1; d <= 5; d++)
        {
            form[$"Week.Days[{d}].Open"] = "true";
            form[$"Week.Days[{d}].Slots[0].Opens"] = "10:00";
            form[$"Week.Days[{d}].Slots[0].Closes"] = "13:00";
            form[$"Week.Days[{d}].Slots[1].Opens"] = "13:45";
            form[$"Week.Days[{d}].Slots[1].Closes"] = "18:00";
        }

        var saved = await me.PostFormAsync(page, $"{page}?handler=Hours", form);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var rows = await HoursAsync(studio.Id, studio.Practitioner.Id);
        rows.Count.ShouldBe(10);
        rows.ShouldContain("2 10:00-13:00");
        rows.ShouldContain("6 13:45-18:00");
        (await HoursAsync(studio.Id, null)).Count.ShouldBe(6, "the studio's hours are untouched");

        (await me.PostFormAsync(page, $"{page}?handler=Hours", new() { ["mode"] = "studio" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await HoursAsync(studio.Id, studio.Practitioner.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Own_hours_with_no_day_open_or_overlapping_are_refused_beside_the_field()
    {
        var studio = await app.CreateStudioAsync("Own Hours Bad");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var page = Path(studio.Practitioner.Id);

        var none = await HtmlAsync(await owner.PostFormAsync(page, $"{page}?handler=Hours", new() { ["mode"] = "own" }));
        WebUtility.HtmlDecode(none).ShouldContain("Tick at least one day");

        var overlap = await HtmlAsync(await owner.PostFormAsync(page, $"{page}?handler=Hours", new()
        {
            ["mode"] = "own",
            ["Week.Days[1].Open"] = "true",
            ["Week.Days[1].Slots[0].Opens"] = "09:00",
            ["Week.Days[1].Slots[0].Closes"] = "14:00",
            ["Week.Days[1].Slots[1].Opens"] = "13:00",
            ["Week.Days[1].Slots[1].Closes"] = "18:00",
        }));
        ErrorBeside(overlap, "Week.Days[1].Slots[1].Opens").ShouldContain("Tuesday 13:00–18:00 overlaps 09:00–14:00");
        ValueOf(overlap, "Week.Days[1].Slots[1].Opens").ShouldBe("13:00");
        overlap.ShouldContain("name=\"mode\" value=\"own\" checked=\"checked\"");
        (await HoursAsync(studio.Id, studio.Practitioner.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_practitioner_cannot_open_or_change_anyone_elses_hours_nor_whether_they_take_bookings()
    {
        var studio = await app.CreateStudioAsync("Other Hours");
        var colleague = await AddPractitionerAsync(studio);
        var me = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        var token = await me.TokenAsync("/Accounts/Security");

        ShouldBeDenied(await me.Client.GetAsync(Path(colleague.Id)), "a colleague's page");
        ShouldBeDenied(await me.Client.GetAsync(Path(studio.Owner.Id)), "the owner's page");
        ShouldBeDenied(await desk.Client.GetAsync(Path(studio.Practitioner.Id)), "front desk on a practitioner's page");
        ShouldBeDenied(await PostAsync(me, token, $"{Path(colleague.Id)}?handler=AddTimeOff", new() { ["TimeOff.StartsAt"] = "2030-01-01T09:00", ["TimeOff.EndsAt"] = "2030-01-02T09:00" }), "time off for a colleague");
        ShouldBeDenied(await PostAsync(me, token, $"{Path(colleague.Id)}?handler=Hours", new() { ["mode"] = "own", ["Week.Days[0].Open"] = "true", ["Week.Days[0].Slots[0].Opens"] = "09:00", ["Week.Days[0].Slots[0].Closes"] = "10:00" }), "a colleague's hours");
        ShouldBeDenied(await PostAsync(me, token, $"{Path(studio.Practitioner.Id)}?handler=Bookings", new() { ["takesBookings"] = "false" }), "their own bookings switch");

        (await app.InStudioAsync(studio.Id, db => db.TimeOff.CountAsync())).ShouldBe(0);
        (await HoursAsync(studio.Id, colleague.Id)).ShouldBeEmpty();
        (await app.InStudioAsync(studio.Id, db => db.StaffUsers.AsNoTracking().SingleAsync(u => u.Id == studio.Practitioner.Id))).TakesBookings.ShouldBeTrue();
        var staffList = await me.Client.GetStringAsync("/Staff");
        staffList.ShouldContain($"href=\"/Staff/{studio.Practitioner.Id}/Hours\"");
        staffList.ShouldNotContain($"href=\"/Staff/{colleague.Id}/Hours\"");
    }

    [Fact]
    public async Task The_owner_decides_who_takes_bookings()
    {
        var studio = await app.CreateStudioAsync("Takes Bookings");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        (await owner.Client.GetStringAsync("/Staff")).ShouldContain($"href=\"/Staff/{studio.Practitioner.Id}/Hours\"");

        (await owner.PostFormAsync(Path(studio.Practitioner.Id), $"{Path(studio.Practitioner.Id)}?handler=Bookings", new() { ["takesBookings"] = "false" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await owner.PostFormAsync(Path(studio.Owner.Id), $"{Path(studio.Owner.Id)}?handler=Bookings", new() { ["takesBookings"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var staff = await app.InStudioAsync(studio.Id, db => db.StaffUsers.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.TakesBookings));
        staff[studio.Practitioner.Id].ShouldBeFalse();
        staff[studio.Owner.Id].ShouldBeTrue();
        WebUtility.HtmlDecode(await owner.Client.GetStringAsync(Path(studio.Practitioner.Id))).ShouldContain("Does not take bookings");
    }

    [Theory]
    // Europe/London springs forward at 01:00 UTC on 29 March 2026: 01:00–02:00 local does not exist; 01:30 maps to 02:00 BST.
    [InlineData("2026-03-29T01:30", "2026-03-29T10:00", "2026-03-29T01:00:00Z", "2026-03-29T09:00:00Z", "does not exist in Europe/London")]
    // Europe/London falls back at 01:00 UTC on 25 October 2026: 01:00–02:00 local happens twice; 01:30 is the first (BST).
    [InlineData("2026-10-25T01:30", "2026-10-25T12:00", "2026-10-25T00:30:00Z", "2026-10-25T12:00:00Z", "happens twice in Europe/London")]
    [InlineData("2026-07-06T09:00", "2026-07-13T09:00", "2026-07-06T08:00:00Z", "2026-07-13T08:00:00Z", null)]
    public async Task Time_off_is_typed_in_the_studios_local_time_across_daylight_saving(string starts, string ends, string startsUtc, string endsUtc, string? note)
    {
        var studio = await app.CreateStudioAsync("Time Off Dst");
        var me = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        var page = Path(studio.Practitioner.Id);

        var response = await me.PostFormAsync(page, $"{page}?handler=AddTimeOff", new() { ["TimeOff.StartsAt"] = starts, ["TimeOff.EndsAt"] = ends, ["TimeOff.Reason"] = "Holiday" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var saved = await app.InStudioAsync(studio.Id, db => db.TimeOff.AsNoTracking().SingleAsync());
        saved.StaffId.ShouldBe(studio.Practitioner.Id);
        saved.StartsAt.ShouldBe(InstantPattern.General.Parse(startsUtc).Value);
        saved.EndsAt.ShouldBe(InstantPattern.General.Parse(endsUtc).Value);
        saved.Reason.ShouldBe("Holiday");
        saved.CreatedBy.ShouldBe(studio.Practitioner.Id);
        var flashed = WebUtility.HtmlDecode(await me.Client.GetStringAsync(page));
        if (note is null)
        {
            flashed.ShouldNotContain("Europe/London (the clocks");
        }
        else
        {
            flashed.ShouldContain(note);
        }
    }

    [Theory]
    [InlineData("2030-05-02T09:00", "2030-05-01T09:00", "TimeOff.EndsAt", "End must be after the start")]
    [InlineData("next tuesday", "2030-05-01T09:00", "TimeOff.StartsAt", "Start must be a date and time")]
    [InlineData("", "2030-05-01T09:00", "TimeOff.StartsAt", "Start is required")]
    [InlineData("2030-05-01T09:00", "2031-06-01T09:00", "TimeOff.EndsAt", "within 366 days")]
    [InlineData("0202-05-01T09:00", "2030-05-01T09:00", "TimeOff.StartsAt", "Start must be between the years 2000 and 2100")]
    public async Task Bad_time_off_is_refused_beside_its_field_with_what_was_typed(string starts, string ends, string field, string message)
    {
        var studio = await app.CreateStudioAsync("Time Off Bad");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var page = Path(studio.Practitioner.Id);

        var html = await HtmlAsync(await owner.PostFormAsync(page, $"{page}?handler=AddTimeOff", new() { ["TimeOff.StartsAt"] = starts, ["TimeOff.EndsAt"] = ends, ["TimeOff.Reason"] = "Trip" }));

        ErrorBeside(html, field).ShouldContain(message);
        ValueOf(html, "TimeOff.StartsAt").ShouldBe(starts);
        ValueOf(html, "TimeOff.EndsAt").ShouldBe(ends);
        ValueOf(html, "TimeOff.Reason").ShouldBe("Trip");
        (await app.InStudioAsync(studio.Id, db => db.TimeOff.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Time_off_is_listed_and_deleted_and_another_studios_is_not_found()
    {
        var studio = await app.CreateStudioAsync("Time Off List");
        var other = await app.CreateStudioAsync("Time Off Other");
        var theirs = TimeOff.Create(other.Id, other.Practitioner.Id, Instant.FromUtc(2030, 1, 1, 9, 0), Instant.FromUtc(2030, 1, 2, 9, 0), "Theirs", null, SystemClock.Instance.GetCurrentInstant());
        await app.InStudioAsync(other.Id, db =>
        {
            db.TimeOff.Add(theirs);
            return db.SaveChangesAsync();
        });
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var page = Path(studio.Practitioner.Id);
        var next = CareTestData.Today().PlusDays(20);
        (await owner.PostFormAsync(page, $"{page}?handler=AddTimeOff", new()
        {
            ["TimeOff.StartsAt"] = $"{CareTestData.Iso(next)}T09:00",
            ["TimeOff.EndsAt"] = $"{CareTestData.Iso(next.PlusDays(2))}T18:00",
            ["TimeOff.Reason"] = "Training course",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mine = await app.InStudioAsync(studio.Id, db => db.TimeOff.AsNoTracking().SingleAsync());
        var html = WebUtility.HtmlDecode(await owner.Client.GetStringAsync(page));
        html.ShouldContain("Training course");
        html.ShouldContain("09:00 –");

        (await owner.Client.GetAsync(Path(other.Practitioner.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.PostFormAsync(page, $"{page}?handler=DeleteTimeOff&timeOffId={theirs.Id}", new())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.PostFormAsync(page, $"{Path(other.Practitioner.Id)}?handler=DeleteTimeOff&timeOffId={theirs.Id}", new())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.InStudioAsync(other.Id, db => db.TimeOff.CountAsync())).ShouldBe(1);

        (await owner.PostFormAsync(page, $"{page}?handler=DeleteTimeOff&timeOffId={mine.Id}", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InStudioAsync(studio.Id, db => db.TimeOff.CountAsync())).ShouldBe(0);
    }

    private static string Path(Guid staffId) => $"/Staff/{staffId}/Hours";

    private static async Task<HttpResponseMessage> PostAsync(BrowserSession session, string token, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        using var content = new FormUrlEncodedContent(fields);
        return await session.Client.PostAsync(action, content);
    }

    private Task<StaffUser> AddPractitionerAsync(TestStudio studio) =>
        app.InStudioAsync(studio.Id, async db =>
        {
            var user = StaffUser.Create(studio.Id, Guid.NewGuid(), $"colleague-{studio.Tag}@example.com", "Colleague", StaffRole.Practitioner, SystemClock.Instance.GetCurrentInstant());
            db.StaffUsers.Add(user);
            await db.SaveChangesAsync();
            return user;
        });

    private Task<List<string>> HoursAsync(Guid studioId, Guid? staffId) =>
        app.InStudioAsync(studioId, async db => (await db.WeeklyHours.AsNoTracking().Where(h => h.StaffId == staffId).ToListAsync())
            .Select(h => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(int)h.Weekday} {h.Opens:HH:mm}-{h.Closes:HH:mm}"))
            .ToList());
}

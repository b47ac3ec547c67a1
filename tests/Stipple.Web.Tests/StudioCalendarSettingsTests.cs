using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Stipple.Core.Scheduling;
using Stipple.Domain;
using Stipple.Web.Features.Scheduling;
using Stipple.Web.Features.Settings;
using Stipple.Web.Tests.Infrastructure;
using static Stipple.Web.Tests.StudioCalendarSettingsPages;

namespace Stipple.Web.Tests;

/// <summary>
/// The owner's calendar settings pages: booking rules (saved, read back, every bad value shown beside its field with
/// what was typed), weekly opening hours (replaced as a whole, overlaps refused), closures, and who may open them.
/// </summary>
public sealed class StudioCalendarSettingsTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>
{
    [Fact]
    public async Task Owner_saves_booking_rules_and_they_read_back()
    {
        var studio = await app.CreateStudioAsync("Rules Save");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var form = BookingForm();
        form["Values[consultation]"] = "45";
        form["Values[firstSession]"] = "5:00";
        form["Values[followUpSession]"] = "2:30";
        form["Values[cleanupBuffer]"] = "15";
        form["Values[minDays]"] = "8";
        form["Values[gap1Min]"] = "9";
        form["Values[gap1Max]"] = "16";
        form["Values[gap2Min]"] = "21";
        form["Values[gap2Max]"] = "35";
        form["Values[reviewFloor]"] = "28";
        form["Values[reviewMin]"] = "28";
        form["Values[reviewMax]"] = "49";
        form["Values[startInterval]"] = "15";
        form["Values[horizon]"] = "90";
        form["Values[reminders]"] = "72, 24, 2";
        form["Values[rescheduleNotice]"] = "96";
        form["Values[cancelNotice]"] = "24";

        var response = await owner.PostFormAsync("/Settings/Booking", "/Settings/Booking", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var saved = await SettingsAsync(studio.Id);
        saved.ShouldBe(SchedulingSettings.Default with
        {
            ConsultationMinutes = 45,
            FirstSessionMinutes = 300,
            FollowUpSessionMinutes = 150,
            CleanupBufferMinutes = 15,
            MinDaysBetweenSessions = 8,
            SessionGaps = [new(9, 16), new(21, 35)],
            HealedReviewMinDays = 28,
            HealedReviewWindow = new(28, 49),
            StartIntervalMinutes = 15,
            HorizonDays = 90,
            ReminderHoursBefore = [72, 24, 2],
            RescheduleNoticeHours = 96,
            CancelNoticeHours = 24,
        });

        var page = await owner.Client.GetStringAsync("/Settings/Booking");
        ValueOf(page, "Values[firstSession]").ShouldBe("5:00");
        ValueOf(page, "Values[consultation]").ShouldBe("0:45");
        ValueOf(page, "Values[gap2Max]").ShouldBe("35");
        ValueOf(page, "Values[reminders]").ShouldBe("72, 24, 2");
        page.ShouldContain("<option value=\"15\" selected=\"selected\">");
    }

    [Theory]
    [InlineData("gap1Min", "5", "Session 1 → 2 earliest day must be at least 7 days")]
    [InlineData("gap2Min", "3", "Session 2 → 3 earliest day must be at least 7 days")]
    [InlineData("gap1Max", "9", "Session 1 → 2 latest day must not be before the window's first day")]
    [InlineData("reviewMax", "25", "Healed review latest day must not be before the window's first day")]
    [InlineData("consultation", "20", "Consultation length must be a multiple of 15 minutes")]
    [InlineData("firstSession", "3:20", "Session 1 length must be a multiple of 15 minutes")]
    [InlineData("touchUp", "1h30", "Touch-up length must be minutes (for example 90) or hours and minutes (for example 1:30)")]
    [InlineData("minDays", "5", "Minimum days between sessions must be at least 7 days")]
    [InlineData("reviewFloor", "14", "Healed review minimum must be at least 21 days")]
    [InlineData("reminders", "48, 24, 12, 6, 2", "Give at most four reminder times (there are 5)")]
    [InlineData("reminders", "48, 48", "Each reminder time may be given only once")]
    [InlineData("reminders", "48, soon", "Reminders must be whole numbers of hours")]
    [InlineData("horizon", "abc", "How far ahead must be a whole number")]
    [InlineData("horizon", "1000", "How far ahead must be between 14 and 366 days")]
    [InlineData("cancelNotice", "", "Cancellation notice must be a whole number")]
    [InlineData("startInterval", "20", "Start interval must be 15, 30 or 60 minutes")]
    public async Task A_bad_booking_rule_is_shown_beside_its_field_keeps_what_was_typed_and_saves_nothing(string field, string typed, string message)
    {
        var studio = await app.CreateStudioAsync("Rules Bad");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var form = BookingForm();
        form[$"Values[{field}]"] = typed;
        if (!string.Equals(field, "touchUp", StringComparison.Ordinal))
        {
            form["Values[touchUp]"] = "2:00";
        }

        var html = await HtmlAsync(await owner.PostFormAsync("/Settings/Booking", "/Settings/Booking", form));

        ErrorBeside(html, field).ShouldContain(message);
        if (!string.Equals(field, "startInterval", StringComparison.Ordinal))
        {
            ValueOf(html, $"Values[{field}]").ShouldBe(typed);
            IsInvalid(html, $"Values[{field}]").ShouldBeTrue();
        }

        if (!string.Equals(field, "touchUp", StringComparison.Ordinal))
        {
            ValueOf(html, "Values[touchUp]").ShouldBe("2:00", "another field's typed value is kept too");
            ErrorBeside(html, "touchUp").ShouldBeEmpty();
        }

        (await SettingsAsync(studio.Id)).ShouldBe(SchedulingSettings.Default);
    }

    [Fact]
    public async Task Every_bad_value_is_reported_at_once_even_with_text_in_a_number_box()
    {
        var studio = await app.CreateStudioAsync("Rules Many");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var form = BookingForm();
        form["Values[horizon]"] = "soon";
        form["Values[gap1Min]"] = "6";
        form["Values[consultation]"] = "20";

        var html = await HtmlAsync(await owner.PostFormAsync("/Settings/Booking", "/Settings/Booking", form));

        WebUtility.HtmlDecode(html).ShouldContain("Nothing was saved. 3 values need changing");
        ErrorBeside(html, "horizon").ShouldContain("must be a whole number");
        ErrorBeside(html, "gap1Min").ShouldContain("must be at least 7 days");
        ErrorBeside(html, "consultation").ShouldContain("multiple of 15 minutes");
        ValueOf(html, "Values[horizon]").ShouldBe("soon");
        (await SettingsAsync(studio.Id)).ShouldBe(SchedulingSettings.Default);
    }

    [Fact]
    public async Task The_page_shows_the_defaults_with_their_sources_and_reset_restores_them()
    {
        var studio = await app.CreateStudioAsync("Rules Reset");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var form = BookingForm();
        form["Values[horizon]"] = "60";
        (await owner.PostFormAsync("/Settings/Booking", "/Settings/Booking", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SettingsAsync(studio.Id)).HorizonDays.ShouldBe(60);

        var page = WebUtility.HtmlDecode(await owner.Client.GetStringAsync("/Settings/Booking"));
        page.ShouldContain("Default 10–14 days (smp-facts §6.2, §13.4).");
        page.ShouldContain("Default 4:00");
        page.ShouldContain("hard minimum 7");

        var reset = await owner.PostFormAsync("/Settings/Booking", "/Settings/Booking?handler=Reset", new());

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SettingsAsync(studio.Id)).ShouldBe(SchedulingSettings.Default);
    }

    [Theory]
    [InlineData("desk")]
    [InlineData("practitioner")]
    public async Task Front_desk_and_practitioners_are_refused_the_owner_pages(string who)
    {
        var studio = await app.CreateStudioAsync("Rules Roles");
        var session = await BrowserSession.SignedInAsync(app, string.Equals(who, "desk", StringComparison.Ordinal) ? studio.FrontDesk.Email : studio.Practitioner.Email);
        foreach (var path in new[] { "/Settings/Booking", "/Settings/Hours", "/Settings/Rooms" })
        {
            ShouldBeDenied(await session.Client.GetAsync(path), $"GET {path}");
        }

        var form = BookingForm();
        form["Values[horizon]"] = "30";
        form["__RequestVerificationToken"] = await session.TokenAsync("/Accounts/Security");
        using var content = new FormUrlEncodedContent(form);
        ShouldBeDenied(await session.Client.PostAsync("/Settings/Booking", content), "POST /Settings/Booking");
        (await SettingsAsync(studio.Id)).ShouldBe(SchedulingSettings.Default);

        var closure = new Dictionary<string, string> { ["Closure.StartsOn"] = "2030-01-01", ["Closure.Reason"] = "Sneaky", ["__RequestVerificationToken"] = await session.TokenAsync("/Accounts/Security") };
        using var closureContent = new FormUrlEncodedContent(closure);
        ShouldBeDenied(await session.Client.PostAsync("/Settings/Hours?handler=AddClosure", closureContent), "POST a closure");
        (await app.InStudioAsync(studio.Id, db => db.Closures.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Weekly_hours_are_saved_and_a_save_replaces_them_all()
    {
        var studio = await app.CreateStudioAsync("Hours Save");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var page = await owner.Client.GetStringAsync("/Settings/Hours");
        ValueOf(page, "Week.Days[0].Slots[0].Opens").ShouldBe("09:00");
        ValueOf(page, "Week.Days[5].Slots[0].Closes").ShouldBe("18:00");
        WebUtility.HtmlDecode(page).ShouldContain("Europe/London");

        var form = new Dictionary<string, string>
        {
            ["Week.Days[0].Open"] = "true",
            ["Week.Days[0].Slots[0].Opens"] = "09:00",
            ["Week.Days[0].Slots[0].Closes"] = "13:00",
            ["Week.Days[0].Slots[1].Opens"] = "14:00",
            ["Week.Days[0].Slots[1].Closes"] = "18:30",
            ["Week.Days[2].Open"] = "true",
            ["Week.Days[2].Slots[0].Opens"] = "10:15",
            ["Week.Days[2].Slots[0].Closes"] = "16:45",
            // Closed days keep what was typed in them, but it is not saved.
            ["Week.Days[3].Slots[0].Opens"] = "09:00",
            ["Week.Days[3].Slots[0].Closes"] = "17:00",
        };
        var response = await owner.PostFormAsync("/Settings/Hours", "/Settings/Hours?handler=Hours", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        (await StudioHoursAsync(studio.Id)).ShouldBe(["1 09:00-13:00", "1 14:00-18:30", "3 10:15-16:45"]);

        var second = await owner.PostFormAsync("/Settings/Hours", "/Settings/Hours?handler=Hours", new()
        {
            ["Week.Days[6].Open"] = "true",
            ["Week.Days[6].Slots[0].Opens"] = "11:00",
            ["Week.Days[6].Slots[0].Closes"] = "15:00",
        });

        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StudioHoursAsync(studio.Id)).ShouldBe(["7 11:00-15:00"]);
        var after = await owner.Client.GetStringAsync("/Settings/Hours");
        ValueOf(after, "Week.Days[6].Slots[0].Opens").ShouldBe("11:00");
        ValueOf(after, "Week.Days[0].Slots[0].Opens").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("09:00", "13:00", "12:00", "18:00", "Week.Days[0].Slots[1].Opens", "overlaps 09:00–13:00")]
    [InlineData("09:00", "13:00", "09:00", "13:00", "Week.Days[0].Slots[1].Opens", "overlaps 09:00–13:00")]
    [InlineData("18:00", "09:00", "", "", "Week.Days[0].Slots[0].Closes", "Closing time must be after the opening time")]
    [InlineData("09:10", "18:00", "", "", "Week.Days[0].Slots[0].Opens", "Opening time must be on a quarter hour")]
    [InlineData("nine", "18:00", "", "", "Week.Days[0].Slots[0].Opens", "Opening time must be a time such as 09:00")]
    [InlineData("09:00", "", "", "", "Week.Days[0].Slots[0].Closes", "Closing time is required")]
    [InlineData("", "", "", "", "Week.Days[0].Slots[0].Opens", "Monday is open: enter its opening and closing times")]
    public async Task Bad_weekly_hours_are_refused_beside_the_field_and_keep_what_was_typed(string opens1, string closes1, string opens2, string closes2, string field, string message)
    {
        var studio = await app.CreateStudioAsync("Hours Bad");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var before = await StudioHoursAsync(studio.Id);
        var form = new Dictionary<string, string>
        {
            ["Week.Days[0].Open"] = "true",
            ["Week.Days[0].Slots[0].Opens"] = opens1,
            ["Week.Days[0].Slots[0].Closes"] = closes1,
            ["Week.Days[0].Slots[1].Opens"] = opens2,
            ["Week.Days[0].Slots[1].Closes"] = closes2,
            ["Week.Days[4].Open"] = "true",
            ["Week.Days[4].Slots[0].Opens"] = "08:00",
            ["Week.Days[4].Slots[0].Closes"] = "20:00",
        };

        var html = await HtmlAsync(await owner.PostFormAsync("/Settings/Hours", "/Settings/Hours?handler=Hours", form));

        WebUtility.HtmlDecode(ErrorBeside(html, field)).ShouldContain(message);
        IsInvalid(html, field).ShouldBeTrue();
        ValueOf(html, "Week.Days[0].Slots[0].Opens").ShouldBe(opens1);
        ValueOf(html, "Week.Days[0].Slots[1].Opens").ShouldBe(opens2);
        ValueOf(html, "Week.Days[4].Slots[0].Closes").ShouldBe("20:00");
        (await StudioHoursAsync(studio.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task Closures_are_added_listed_and_deleted()
    {
        var studio = await app.CreateStudioAsync("Closures");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var next = CareTestData.Today().PlusDays(30);
        var lastYear = CareTestData.Today().PlusDays(-40);

        var added = await owner.PostFormAsync("/Settings/Hours", "/Settings/Hours?handler=AddClosure", new()
        {
            ["Closure.StartsOn"] = CareTestData.Iso(next),
            ["Closure.EndsOn"] = CareTestData.Iso(next.PlusDays(1)),
            ["Closure.Reason"] = "Refit",
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        (await owner.PostFormAsync("/Settings/Hours", "/Settings/Hours?handler=AddClosure", new()
        {
            ["Closure.StartsOn"] = CareTestData.Iso(lastYear),
            ["Closure.EndsOn"] = "",
            ["Closure.Reason"] = "Bank holiday",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var closures = await app.InStudioAsync(studio.Id, db => db.Closures.AsNoTracking().OrderBy(c => c.StartsOn).ToListAsync());
        closures.Count.ShouldBe(2);
        closures[0].StartsOn.ShouldBe(lastYear);
        closures[0].EndsOn.ShouldBe(lastYear, "an empty last day means one day");
        closures[1].EndsOn.ShouldBe(next.PlusDays(1));
        var page = WebUtility.HtmlDecode(await owner.Client.GetStringAsync("/Settings/Hours"));
        page.ShouldContain("Refit");
        page.ShouldContain("In the past year");
        page.ShouldContain("Bank holiday");

        var deleted = await owner.PostFormAsync("/Settings/Hours", $"/Settings/Hours?handler=DeleteClosure&id={closures[1].Id}", new());

        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InStudioAsync(studio.Id, db => db.Closures.Select(c => c.Reason).ToListAsync())).ShouldBe(["Bank holiday"]);
    }

    [Theory]
    [InlineData("2026-12-26", "2026-12-25", "Christmas", "Closure.EndsOn", "must not be before the first day")]
    [InlineData("25/12/2026", "", "Christmas", "Closure.StartsOn", "First day must be a date such as 2026-12-25")]
    [InlineData("", "", "Christmas", "Closure.StartsOn", "First day is required")]
    [InlineData("2026-12-25", "2028-01-05", "Long", "Closure.EndsOn", "within a year")]
    [InlineData("2026-12-25", "2026-12-26", " ", "Closure.Reason", "Reason is required")]
    [InlineData("0001-12-25", "2026-12-26", "Typo", "Closure.StartsOn", "First day must be between the years 2000 and 2100")]
    [InlineData("2026-12-25", "9999-12-26", "Typo", "Closure.EndsOn", "Last day must be between the years 2000 and 2100")]
    public async Task A_bad_closure_is_refused_beside_its_field_with_what_was_typed(string starts, string ends, string reason, string field, string message)
    {
        var studio = await app.CreateStudioAsync("Closures Bad");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);

        var html = await HtmlAsync(await owner.PostFormAsync("/Settings/Hours", "/Settings/Hours?handler=AddClosure", new()
        {
            ["Closure.StartsOn"] = starts,
            ["Closure.EndsOn"] = ends,
            ["Closure.Reason"] = reason,
        }));

        ErrorBeside(html, field).ShouldContain(message);
        ValueOf(html, "Closure.StartsOn").ShouldBe(starts);
        ValueOf(html, "Closure.EndsOn").ShouldBe(ends);
        ValueOf(html, "Week.Days[0].Slots[0].Opens").ShouldBe("09:00", "the hours table still shows the saved hours");
        (await app.InStudioAsync(studio.Id, db => db.Closures.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Another_studios_closure_is_not_found()
    {
        var mine = await app.CreateStudioAsync("Closures Mine");
        var theirs = await app.CreateStudioAsync("Closures Theirs");
        var theirClosure = StudioClosure.Create(theirs.Id, new LocalDate(2030, 1, 1), new LocalDate(2030, 1, 1), "Their holiday");
        await app.InStudioAsync(theirs.Id, db =>
        {
            db.Closures.Add(theirClosure);
            return db.SaveChangesAsync();
        });
        var owner = await BrowserSession.SignedInAsync(app, mine.Owner.Email);

        var response = await owner.PostFormAsync("/Settings/Hours", $"/Settings/Hours?handler=DeleteClosure&id={theirClosure.Id}", new());

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.InStudioAsync(theirs.Id, db => db.Closures.CountAsync())).ShouldBe(1);
    }

    /// <summary>Every booking rule field at its default, as the form posts it.</summary>
    internal static Dictionary<string, string> BookingForm() =>
        BookingRulesForm.Show(SchedulingSettings.Default).ToDictionary(p => $"Values[{p.Key}]", p => p.Value ?? "", StringComparer.Ordinal);

    private Task<SchedulingSettings> SettingsAsync(Guid studioId) =>
        app.InStudioServicesAsync(studioId, services => services.GetRequiredService<SchedulingSettingsService>().GetAsync(CancellationToken.None));

    private Task<List<string>> StudioHoursAsync(Guid studioId) =>
        app.InStudioAsync(studioId, async db => (await db.WeeklyHours.AsNoTracking().Where(h => h.StaffId == null).ToListAsync())
            .OrderBy(h => h.Weekday).ThenBy(h => h.Opens)
            .Select(h => string.Create(CultureInfo.InvariantCulture, $"{(int)h.Weekday} {h.Opens:HH:mm}-{h.Closes:HH:mm}"))
            .ToList());
}

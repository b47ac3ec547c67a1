using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Stipple.Core.Scheduling;
using Stipple.Data;
using Stipple.Domain;
using Stipple.Web.Features.Calendar;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>
/// The calendar's day and week views: appointments in the right column at the right wall-clock row in the studio's zone
/// (across both London clock changes of 2026), rooms, cancelled ones on request, tenancy, access, the htmx fragment, the
/// appointment page, and a fixed number of queries.
/// </summary>
public sealed class CalendarPageTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>
{
    // A Tuesday well in the future, so its free slots are still bookable.
    private static readonly LocalDate Tuesday = new(2031, 6, 17);

    [Fact]
    public async Task Day_view_shows_each_appointment_in_its_practitioners_column_at_studio_local_time()
    {
        var s = await SetUpAsync("Cal Day");
        var plan = await CalendarTestData.PlanAsync(app, s.Studio.Id, s.Ada.Id, sessions: 3);
        var session = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ada.Id, s.Lena, s.RoomA, ServiceKind.FirstSession, Tuesday.At(new LocalTime(10, 0)), 240, planId: plan, step: 1);
        var review = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ben.Id, s.Tom, s.RoomB, ServiceKind.HealedReview, Tuesday.At(new LocalTime(14, 30)), 30);
        var desk = await BrowserSession.SignedInAsync(app, s.Studio.FrontDesk.Email);

        var html = await desk.Client.GetStringAsync($"/Calendar?view=day&date={Tuesday:uuuu-MM-dd}&by=practitioner");

        var first = CalendarHtml.Find(html, session).ShouldNotBeNull();
        first.Resource.ShouldBe(s.Lena);
        first.RowLabel.ShouldBe("10:00");
        first.Span.ShouldBe(16, "four hours of 15-minute rows");
        first.Text.ShouldContain(s.Ada.FullName);
        first.Text.ShouldContain("Session 1 of 3");
        first.Text.ShouldContain("10:00–14:00");
        first.Text.ShouldContain("Room Alpha");
        first.Classes.ShouldContain("is-booked");
        var second = CalendarHtml.Find(html, review).ShouldNotBeNull();
        second.Resource.ShouldBe(s.Tom);
        second.RowLabel.ShouldBe("14:30");
        second.Text.ShouldContain("Healed review");
        second.Text.ShouldContain("Room Beta");
        CalendarHtml.Text(html).ShouldContain("Cleanup until 14:30");
        CalendarHtml.RowLabels(html)[0].ShouldBe("09:00");
        CalendarHtml.RowLabels(html)[^1].ShouldBe("17:45");

        // Free time is a link to the fast booking form with the practitioner and the local start.
        html.ShouldContain($"/Bookings/New?practitioner={s.Lena}&amp;start={Tuesday:uuuu-MM-dd}T09:00");
        html.ShouldContain($"/Bookings/New?practitioner={s.Lena}&amp;start={Tuesday:uuuu-MM-dd}T14:30");
        html.ShouldNotContain($"/Bookings/New?practitioner={s.Lena}&amp;start={Tuesday:uuuu-MM-dd}T10:00", Case.Sensitive, "10:00 is taken");
        html.ShouldNotContain($"/Bookings/New?practitioner={s.Lena}&amp;start={Tuesday:uuuu-MM-dd}T14:00", Case.Sensitive, "14:00–14:30 is the cleanup buffer");
        html.ShouldContain($"href=\"/Calendar/Appointment/{session}\"");
    }

    [Fact]
    public async Task Room_view_puts_appointments_in_room_columns_naming_the_practitioner_and_free_cells_carry_the_room()
    {
        var s = await SetUpAsync("Cal Rooms");
        var id = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ada.Id, s.Lena, s.RoomB, ServiceKind.Consultation, Tuesday.At(new LocalTime(11, 15)), 30);
        var desk = await BrowserSession.SignedInAsync(app, s.Studio.FrontDesk.Email);

        var html = await desk.Client.GetStringAsync($"/Calendar?view=day&date={Tuesday:uuuu-MM-dd}&by=room");

        var block = CalendarHtml.Find(html, id).ShouldNotBeNull();
        block.Resource.ShouldBe(s.RoomB);
        block.RowLabel.ShouldBe("11:15");
        block.Span.ShouldBe(2);
        block.Text.ShouldContain("Consultation");
        block.Text.ShouldContain("Lena Practitioner");
        html.ShouldContain($"/Bookings/New?room={s.RoomA}&amp;start={Tuesday:uuuu-MM-dd}T11:00");
        html.ShouldNotContain("/Bookings/New?practitioner=");
    }

    [Fact]
    public async Task Week_view_shows_the_first_practitioner_by_default_from_Monday_and_the_summary_shows_everyone()
    {
        var s = await SetUpAsync("Cal Week");
        var monday = Tuesday.PlusDays(-1);
        var lenaThursday = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ada.Id, s.Lena, s.RoomA, ServiceKind.FollowUpSession, monday.PlusDays(3).At(new LocalTime(13, 0)), 180);
        var tomSaturday = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ben.Id, s.Tom, s.RoomB, ServiceKind.TouchUp, monday.PlusDays(5).At(new LocalTime(9, 0)), 90);
        var desk = await BrowserSession.SignedInAsync(app, s.Studio.FrontDesk.Email);

        // Any day of the week shows the week from its Monday; with no filter, the first practitioner by name (Lena).
        var html = await desk.Client.GetStringAsync($"/Calendar?view=week&date={monday.PlusDays(4):uuuu-MM-dd}&by=practitioner");

        for (var i = 0; i < 7; i++)
        {
            html.ShouldContain($"data-date=\"{monday.PlusDays(i):uuuu-MM-dd}\" data-resource=\"{s.Lena}\"");
        }

        var block = CalendarHtml.Find(html, lenaThursday).ShouldNotBeNull();
        block.Date.ShouldBe($"{monday.PlusDays(3):uuuu-MM-dd}");
        block.RowLabel.ShouldBe("13:00");
        block.Text.ShouldContain("Follow-up session");
        CalendarHtml.Find(html, tomSaturday).ShouldBeNull("Tom's week is another view");

        var tom = await desk.Client.GetStringAsync($"/Calendar?view=week&date={monday:uuuu-MM-dd}&by=practitioner&show={s.Tom}");
        CalendarHtml.Find(tom, tomSaturday).ShouldNotBeNull().RowLabel.ShouldBe("09:00");
        CalendarHtml.Find(tom, lenaThursday).ShouldBeNull();

        var summary = await desk.Client.GetStringAsync($"/Calendar?view=week&date={monday:uuuu-MM-dd}&by=practitioner&show=all");
        summary.ShouldContain("data-testid=\"calendar-summary\"");
        summary.ShouldContain($"data-appointment=\"{lenaThursday}\"");
        summary.ShouldContain($"data-appointment=\"{tomSaturday}\"");
        CalendarHtml.Text(summary).ShouldContain("09:00–10:30");
        CalendarHtml.Text(summary).ShouldContain("Touch-up");
    }

    [Fact]
    public async Task Spring_forward_week_in_London_keeps_wall_clock_times()
    {
        var s = await SetUpAsync("Cal Spring");
        var saturday = new LocalDate(2026, 3, 28);
        var sunday = new LocalDate(2026, 3, 29); // 01:00 GMT → 02:00 BST
        var before = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ada.Id, s.Lena, s.RoomA, ServiceKind.Consultation, saturday.At(new LocalTime(10, 0)), 30);
        var after = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ben.Id, s.Lena, s.RoomA, ServiceKind.Consultation, sunday.At(new LocalTime(10, 0)), 30);
        var monday = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ada.Id, s.Lena, s.RoomA, ServiceKind.Consultation, new LocalDate(2026, 3, 30).At(new LocalTime(10, 0)), 30);
        // 00:30 GMT to 03:30 BST: two hours of real time across the hour that does not exist.
        var night = await CalendarTestData.BookAtAsync(app, s.Studio.Id, s.Ben.Id, s.Tom, s.RoomB, ServiceKind.Consultation,
            Instant.FromUtc(2026, 3, 29, 0, 30), Instant.FromUtc(2026, 3, 29, 2, 30), bufferMinutes: 0);
        var desk = await BrowserSession.SignedInAsync(app, s.Studio.FrontDesk.Email);

        var week = await desk.Client.GetStringAsync($"/Calendar?view=week&date=2026-03-29&show={s.Lena}");
        CalendarHtml.Find(week, before).ShouldNotBeNull().RowLabel.ShouldBe("10:00");
        CalendarHtml.Find(week, after).ShouldNotBeNull().RowLabel.ShouldBe("10:00");
        CalendarHtml.Find(week, after)!.Text.ShouldContain("10:00–10:30");
        (await desk.Client.GetStringAsync($"/Calendar?view=week&date=2026-03-30&show={s.Lena}")).ShouldSatisfyAllConditions(
            next => CalendarHtml.Find(next, monday).ShouldNotBeNull().RowLabel.ShouldBe("10:00"));

        var day = await desk.Client.GetStringAsync("/Calendar?view=day&date=2026-03-29");
        CalendarHtml.Find(day, after).ShouldNotBeNull().RowLabel.ShouldBe("10:00");
        var overnight = CalendarHtml.Find(day, night).ShouldNotBeNull();
        overnight.Resource.ShouldBe(s.Tom);
        overnight.RowLabel.ShouldBe("00:30");
        overnight.Span.ShouldBe(12, "00:30 to 03:30 on the wall clock");
        overnight.Text.ShouldContain("00:30–03:30");
        CalendarHtml.RowLabels(day)[0].ShouldBe("00:00");
        CalendarHtml.Text(day).ShouldContain("Clocks go forward");
    }

    [Fact]
    public async Task Fall_back_week_in_London_keeps_wall_clock_times()
    {
        var s = await SetUpAsync("Cal Autumn");
        var saturday = new LocalDate(2026, 10, 24);
        var sunday = new LocalDate(2026, 10, 25); // 02:00 BST → 01:00 GMT
        var before = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ada.Id, s.Lena, s.RoomA, ServiceKind.Consultation, saturday.At(new LocalTime(10, 0)), 30);
        var after = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ben.Id, s.Lena, s.RoomA, ServiceKind.FirstSession, sunday.At(new LocalTime(10, 0)), 240);
        // 01:30 BST to 01:30 GMT: an hour of real time that starts and ends at the same wall-clock time.
        var repeated = await CalendarTestData.BookAtAsync(app, s.Studio.Id, s.Ada.Id, s.Tom, s.RoomB, ServiceKind.Consultation,
            Instant.FromUtc(2026, 10, 25, 0, 30), Instant.FromUtc(2026, 10, 25, 1, 30), bufferMinutes: 0);
        var desk = await BrowserSession.SignedInAsync(app, s.Studio.FrontDesk.Email);

        var week = await desk.Client.GetStringAsync($"/Calendar?view=week&date=2026-10-25&show={s.Lena}");
        CalendarHtml.Find(week, before).ShouldNotBeNull().RowLabel.ShouldBe("10:00");
        var sundayBlock = CalendarHtml.Find(week, after).ShouldNotBeNull();
        sundayBlock.RowLabel.ShouldBe("10:00");
        sundayBlock.Span.ShouldBe(16);
        sundayBlock.Text.ShouldContain("10:00–14:00");

        var day = await desk.Client.GetStringAsync("/Calendar?view=day&date=2026-10-25");
        CalendarHtml.Find(day, after).ShouldNotBeNull().RowLabel.ShouldBe("10:00");
        var odd = CalendarHtml.Find(day, repeated).ShouldNotBeNull();
        odd.RowLabel.ShouldBe("01:30");
        odd.Span.ShouldBe(1);
    }

    [Fact]
    public async Task Cancelled_appointments_show_only_when_asked_beside_what_replaced_them()
    {
        var s = await SetUpAsync("Cal Cancelled");
        var cancelled = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ada.Id, s.Lena, s.RoomA, ServiceKind.Consultation, Tuesday.At(new LocalTime(12, 0)), 30);
        await CalendarTestData.CancelAsync(app, s.Studio.Id, cancelled);
        var replacement = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ben.Id, s.Lena, s.RoomA, ServiceKind.Consultation, Tuesday.At(new LocalTime(12, 0)), 30);
        var desk = await BrowserSession.SignedInAsync(app, s.Studio.FrontDesk.Email);

        var hidden = await desk.Client.GetStringAsync($"/Calendar?view=day&date={Tuesday:uuuu-MM-dd}");
        CalendarHtml.Find(hidden, cancelled).ShouldBeNull();
        CalendarHtml.Find(hidden, replacement).ShouldNotBeNull();
        CalendarHtml.Text(hidden).ShouldContain("Show cancelled (1)");

        var shown = await desk.Client.GetStringAsync($"/Calendar?view=day&date={Tuesday:uuuu-MM-dd}&cancelled=1");
        var block = CalendarHtml.Find(shown, cancelled).ShouldNotBeNull();
        block.Classes.ShouldContain("is-cancelled");
        block.Text.ShouldContain("Cancelled");
        block.RowLabel.ShouldBe("12:00");
        CalendarHtml.Find(shown, replacement).ShouldNotBeNull().RowLabel.ShouldBe("12:00");
        shown.ShouldContain("checked=\"checked\"");
        shown.ShouldContain($"colspan=\"2\" class=\"cal-head\" data-date=\"{Tuesday:uuuu-MM-dd}\" data-resource=\"{s.Lena}\"", Case.Sensitive, "a lane beside the live one");
    }

    [Fact]
    public async Task Closures_time_off_and_own_hours_are_shaded_with_their_reason()
    {
        var s = await SetUpAsync("Cal Closed");
        await app.InStudioAsync(s.Studio.Id, async db =>
        {
            db.Closures.Add(StudioClosure.Create(s.Studio.Id, Tuesday.PlusDays(1), Tuesday.PlusDays(1), "Summer bank holiday"));
            var start = CalendarTestData.London.AtStrictly(Tuesday.At(new LocalTime(13, 0))).ToInstant();
            db.TimeOff.Add(TimeOff.Create(s.Studio.Id, s.Tom, start, start + Duration.FromHours(5), "Dentist", null, start));
            db.WeeklyHours.Add(WeeklyHours.Create(s.Studio.Id, s.Lena, IsoDayOfWeek.Tuesday, new LocalTime(12, 0), new LocalTime(18, 0)));
            var offGrid = CalendarTestData.London.AtStrictly(Tuesday.At(new LocalTime(16, 5))).ToInstant();
            db.TimeOff.Add(TimeOff.Create(s.Studio.Id, s.Lena, offGrid, offGrid + Duration.FromMinutes(55), "School run", null, start));
            return await db.SaveChangesAsync();
        });
        var desk = await BrowserSession.SignedInAsync(app, s.Studio.FrontDesk.Email);

        var day = CalendarHtml.Text(await desk.Client.GetStringAsync($"/Calendar?view=day&date={Tuesday:uuuu-MM-dd}"));
        day.ShouldContain("Time off: Dentist");
        day.ShouldContain("Not working");
        var raw = await desk.Client.GetStringAsync($"/Calendar?view=day&date={Tuesday:uuuu-MM-dd}");
        raw.ShouldNotContain($"/Bookings/New?practitioner={s.Tom}&amp;start={Tuesday:uuuu-MM-dd}T13:00");
        raw.ShouldContain($"/Bookings/New?practitioner={s.Tom}&amp;start={Tuesday:uuuu-MM-dd}T12:30");
        raw.ShouldNotContain($"/Bookings/New?practitioner={s.Lena}&amp;start={Tuesday:uuuu-MM-dd}T11:30");
        raw.ShouldContain($"/Bookings/New?practitioner={s.Lena}&amp;start={Tuesday:uuuu-MM-dd}T12:00");
        raw.ShouldNotContain($"/Bookings/New?practitioner={s.Lena}&amp;start={Tuesday:uuuu-MM-dd}T16:00", Case.Sensitive, "time off from 16:05 leaves no free 16:00 slot");
        raw.ShouldContain($"/Bookings/New?practitioner={s.Lena}&amp;start={Tuesday:uuuu-MM-dd}T15:30");

        var holiday = await desk.Client.GetStringAsync($"/Calendar?view=day&date={Tuesday.PlusDays(1):uuuu-MM-dd}");
        CalendarHtml.Text(holiday).ShouldContain("Closed: Summer bank holiday");
        holiday.ShouldNotContain("/Bookings/New?");
    }

    [Fact]
    public async Task A_studio_where_no_one_takes_bookings_says_how_to_change_that()
    {
        var studio = await app.CreateStudioAsync("Cal Empty");
        await app.InStudioAsync(studio.Id, async db =>
        {
            (await db.StaffUsers.SingleAsync(u => u.Id == studio.Practitioner.Id)).SetTakesBookings(false);
            return await db.SaveChangesAsync();
        });
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);

        foreach (var view in new[] { "day", "week" })
        {
            var html = await owner.Client.GetStringAsync($"/Calendar?view={view}");
            html.ShouldContain("data-testid=\"calendar-empty\"");
            CalendarHtml.Text(html).ShouldContain("No one takes bookings yet");
            html.ShouldNotContain("data-testid=\"calendar-grid\"");
        }

        (await owner.Client.GetStringAsync("/Calendar?by=room")).ShouldContain("data-testid=\"calendar-grid\"", Case.Sensitive, "the studio still has Room A");
    }

    [Fact]
    public async Task Another_studios_appointments_never_appear()
    {
        var s = await SetUpAsync("Cal Mine");
        var mine = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ada.Id, s.Lena, s.RoomA, ServiceKind.Consultation, Tuesday.At(new LocalTime(9, 0)), 30);
        var other = await app.CreateStudioAsync("Cal Theirs");
        var otherRoom = await CalendarTestData.RoomAsync(app, other.Id);
        var theirs = await CalendarTestData.BookAsync(app, other.Id, other.Clients[0].Id, other.Practitioner.Id, otherRoom, ServiceKind.Consultation, Tuesday.At(new LocalTime(9, 0)), 30);
        var desk = await BrowserSession.SignedInAsync(app, s.Studio.FrontDesk.Email);

        foreach (var url in new[]
        {
            $"/Calendar?view=day&date={Tuesday:uuuu-MM-dd}", $"/Calendar?view=day&date={Tuesday:uuuu-MM-dd}&by=room&cancelled=1",
            $"/Calendar?view=week&date={Tuesday:uuuu-MM-dd}&show=all", $"/Calendar?view=week&date={Tuesday:uuuu-MM-dd}&show={other.Practitioner.Id}",
        })
        {
            var html = await desk.Client.GetStringAsync(url);
            html.ShouldNotContain(theirs.ToString(), Case.Insensitive, url);
            html.ShouldNotContain(other.Clients[0].FamilyName, Case.Sensitive, url);
            html.ShouldNotContain(other.Practitioner.Id.ToString(), Case.Insensitive, url);
        }

        (await desk.Client.GetStringAsync($"/Calendar?view=day&date={Tuesday:uuuu-MM-dd}")).ShouldContain(mine.ToString());
        (await desk.Client.GetAsync($"/Calendar/Appointment/{theirs}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_see_the_calendar_but_anonymous_visitors_and_api_keys_do_not()
    {
        var s = await SetUpAsync("Cal Access");
        var id = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ada.Id, s.Lena, s.RoomA, ServiceKind.Consultation, Tuesday.At(new LocalTime(9, 0)), 30);
        foreach (var email in new[] { s.Studio.FrontDesk.Email, s.Studio.Practitioner.Email, s.Studio.Owner.Email })
        {
            var session = await BrowserSession.SignedInAsync(app, email);
            (await session.Client.GetAsync("/Calendar")).StatusCode.ShouldBe(HttpStatusCode.OK, email);
            (await session.Client.GetAsync($"/Calendar/Appointment/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK, email);
            (await session.Client.GetStringAsync("/")).ShouldContain("href=\"/Calendar\"");
        }

        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { "/Calendar", $"/Calendar/Appointment/{id}" })
        {
            var response = await anonymous.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.ToString().ShouldContain("/Accounts/SignIn");
        }

        // An API key (an integration, not a person at the desk) gets no calendar page either.
        using var integration = app.CreateApiClient(await app.CreateApiKeyAsync(s.Studio.Id));
        var page = await integration.GetAsync("/Calendar");
        page.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldNotContain(s.Ada.FamilyName);
    }

    [Fact]
    public async Task An_htmx_request_gets_only_the_calendar_fragment_and_a_history_restore_the_whole_page()
    {
        var s = await SetUpAsync("Cal Htmx");
        var id = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ada.Id, s.Lena, s.RoomA, ServiceKind.Consultation, Tuesday.At(new LocalTime(9, 0)), 30);
        var desk = await BrowserSession.SignedInAsync(app, s.Studio.FrontDesk.Email);
        var url = $"/Calendar?view=day&date={Tuesday:uuuu-MM-dd}";

        using var partial = new HttpRequestMessage(HttpMethod.Get, url);
        partial.Headers.Add("HX-Request", "true");
        var fragment = await desk.Client.SendAsync(partial);
        fragment.StatusCode.ShouldBe(HttpStatusCode.OK);
        fragment.Headers.Vary.ShouldContain("HX-Request");
        var body = (await fragment.Content.ReadAsStringAsync()).Trim();
        body.ShouldStartWith("<section id=\"calendar\"");
        body.ShouldEndWith("</section>");
        body.ShouldNotContain("<html");
        body.ShouldNotContain("class=\"sidebar\"");
        body.ShouldContain(id.ToString());
        body.ShouldContain("hx-push-url:inherited=\"true\"");

        using var restore = new HttpRequestMessage(HttpMethod.Get, url);
        restore.Headers.Add("HX-Request", "true");
        restore.Headers.Add("HX-History-Restore-Request", "true");
        var page = await (await desk.Client.SendAsync(restore)).Content.ReadAsStringAsync();
        page.ShouldContain("<html");
        page.ShouldContain(id.ToString());
    }

    [Fact]
    public async Task Appointment_page_shows_the_booking_in_studio_time_with_history_and_the_changes_it_allows()
    {
        var s = await SetUpAsync("Cal Detail");
        var plan = await CalendarTestData.PlanAsync(app, s.Studio.Id, s.Ada.Id, sessions: 4);
        var future = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ada.Id, s.Lena, s.RoomA, ServiceKind.FollowUpSession, Tuesday.At(new LocalTime(10, 0)), 180, planId: plan, step: 2, bookedBy: s.Studio.FrontDesk.Id);
        var past = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ben.Id, s.Tom, s.RoomB, ServiceKind.Consultation, new LocalDate(2026, 7, 1).At(new LocalTime(15, 0)), 30);
        var done = await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ben.Id, s.Tom, s.RoomB, ServiceKind.Consultation, new LocalDate(2026, 7, 2).At(new LocalTime(15, 0)), 30);
        await CalendarTestData.CompleteAsync(app, s.Studio.Id, done);
        var desk = await BrowserSession.SignedInAsync(app, s.Studio.FrontDesk.Email);

        var html = await desk.Client.GetStringAsync($"/Calendar/Appointment/{future}");
        var text = CalendarHtml.Text(html);
        text.ShouldContain("Session 2 of 4 with " + s.Ada.FullName);
        text.ShouldContain("Tuesday 17 June 2031, 10:00–13:00");
        text.ShouldContain("held until 13:30 for cleanup");
        text.ShouldContain("Lena Practitioner");
        text.ShouldContain("Room Alpha");
        text.ShouldContain("Booked");
        text.ShouldContain("by " + s.Studio.FrontDesk.DisplayName);
        html.ShouldContain($"href=\"/Clients/{s.Ada.Id}\"");
        html.ShouldContain("data-testid=\"appointment-history\"");
        html.ShouldContain($"href=\"/Bookings/{future}/Reschedule\"");
        html.ShouldContain($"href=\"/Bookings/{future}/Cancel\"");
        html.ShouldNotContain($"/Bookings/{future}/NoShow", Case.Sensitive, "not before it starts");

        var started = await desk.Client.GetStringAsync($"/Calendar/Appointment/{past}");
        started.ShouldContain($"action=\"/Bookings/{past}/NoShow\"");
        started.ShouldContain("name=\"__RequestVerificationToken\"");
        CalendarHtml.Text(started).ShouldContain("Wednesday 1 July 2026, 15:00–15:30");

        var completed = await desk.Client.GetStringAsync($"/Calendar/Appointment/{done}");
        CalendarHtml.Text(completed).ShouldContain("Completed");
        completed.ShouldNotContain($"/Bookings/{done}/Reschedule");
        completed.ShouldNotContain($"/Bookings/{done}/NoShow");

        (await desk.Client.GetAsync($"/Calendar/Appointment/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_calendar_page_costs_the_same_few_queries_however_many_appointments_it_shows()
    {
        var s = await SetUpAsync("Cal Queries");
        await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ada.Id, s.Lena, s.RoomA, ServiceKind.Consultation, Tuesday.At(new LocalTime(9, 0)), 30);
        var one = await CountQueriesAsync(s.Studio.Id, CalendarPeriod.Week, all: true);
        for (var day = 0; day < 5; day++)
        {
            await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ben.Id, s.Tom, s.RoomB, ServiceKind.Consultation, Tuesday.PlusDays(day - 1).At(new LocalTime(15, 0)), 30);
            await CalendarTestData.BookAsync(app, s.Studio.Id, s.Ada.Id, s.Lena, s.RoomA, ServiceKind.Consultation, Tuesday.PlusDays(day - 1).At(new LocalTime(11, 0)), 30);
        }

        var many = await CountQueriesAsync(s.Studio.Id, CalendarPeriod.Week, all: true);
        var day2 = await CountQueriesAsync(s.Studio.Id, CalendarPeriod.Day, all: false);
        many.ShouldBe(one);
        day2.ShouldBe(one);
        one.ShouldBe(7);
    }

    private async Task<int> CountQueriesAsync(Guid studioId, CalendarPeriod period, bool all) =>
        await app.InStudioServicesAsync(studioId, async services =>
        {
            var db = services.GetRequiredService<StippleDbContext>();
            using var counter = new QueryCounter(db);
            var view = await services.GetRequiredService<CalendarService>().GetAsync(
                _ => new CalendarQuery(period, Tuesday, CalendarAxis.Practitioner, null, all, ShowCancelled: true), CancellationToken.None);
            (view.Grid is not null || view.Summary is not null).ShouldBeTrue();
            return counter.Count;
        });

    /// <summary>A studio with two practitioners who take bookings (Lena, Tom), two rooms (Alpha, Beta) and two clients.</summary>
    private async Task<Setup> SetUpAsync(string name)
    {
        var studio = await app.CreateStudioAsync(name);
        var roomA = await CalendarTestData.RoomAsync(app, studio.Id);
        await app.InStudioAsync(studio.Id, async db =>
        {
            (await db.Rooms.SingleAsync(r => r.Id == roomA)).Rename("Room Alpha");
            (await db.StaffUsers.SingleAsync(u => u.Id == studio.Practitioner.Id)).SetTakesBookings(false);
            return await db.SaveChangesAsync();
        });
        var roomB = await CalendarTestData.AddRoomAsync(app, studio.Id, "Room Beta");
        var lena = await CalendarTestData.AddPractitionerAsync(app, studio.Id, "Lena Practitioner");
        var tom = await CalendarTestData.AddPractitionerAsync(app, studio.Id, "Tom Practitioner");
        return new Setup(studio, lena, tom, roomA, roomB, studio.Clients[0], studio.Clients[1]);
    }

    private sealed record Setup(TestStudio Studio, Guid Lena, Guid Tom, Guid RoomA, Guid RoomB, Client Ada, Client Ben);

    /// <summary>Counts the SQL commands one DbContext runs, from EF Core's diagnostic events.</summary>
    private sealed class QueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly DbContext context;
        private readonly IDisposable subscription;
        private readonly List<IDisposable> listeners = [];
        private int count;

        public QueryCounter(DbContext context)
        {
            this.context = context;
            subscription = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public int Count => Volatile.Read(ref count);

        public void OnNext(DiagnosticListener value)
        {
            if (string.Equals(value.Name, DbLoggerCategory.Name, StringComparison.Ordinal))
            {
                lock (listeners)
                {
                    listeners.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (string.Equals(value.Key, RelationalEventId.CommandExecuted.Name, StringComparison.Ordinal)
                && value.Value is CommandExecutedEventData data && ReferenceEquals(data.Context, context))
            {
                Interlocked.Increment(ref count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            subscription.Dispose();
            lock (listeners)
            {
                listeners.ForEach(l => l.Dispose());
            }
        }
    }
}

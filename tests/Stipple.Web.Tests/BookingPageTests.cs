using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Domain;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>
/// The front desk's quick booking page as a browser uses it: opened from a free calendar cell it shows that cell's
/// practitioner, date and time, books on submit and returns to that day; a missing room is an error beside the field
/// that keeps everything else typed.
/// </summary>
public sealed class BookingPageTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    [Fact]
    public async Task A_free_cell_opens_the_form_filled_in_and_booking_it_lands_on_that_day()
    {
        var studio = await app.CreateStudioAsync("Quick booking");
        var room = await app.InStudioAsync(studio.Id, db => db.Rooms.Select(r => r.Id).SingleAsync());
        var day = SystemClock.Instance.GetCurrentInstant().InZone(London).Date.PlusDays(9).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Wednesday));
        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        var page = $"/Bookings/New?practitioner={studio.Practitioner.Id}&start={day:uuuu-MM-dd}T14:30";

        var html = await desk.Client.GetStringAsync(page);

        html.ShouldContain($"value=\"{day:uuuu-MM-dd}\"");
        html.ShouldContain("value=\"14:30\"");
        System.Text.RegularExpressions.Regex.IsMatch(html, $"<option (selected=\"selected\" value=\"{studio.Practitioner.Id}\"|value=\"{studio.Practitioner.Id}\" selected=\"selected\")")
            .ShouldBeTrue("the cell's practitioner is chosen");

        var fields = new Dictionary<string, string>
        {
            ["Input.ClientId"] = studio.Clients[0].Id.ToString(),
            ["Input.Kind"] = "consultation",
            ["Input.PractitionerId"] = studio.Practitioner.Id.ToString(),
            ["Input.Date"] = $"{day:uuuu-MM-dd}",
            ["Input.Time"] = "14:30",
        };
        var missingRoom = await desk.PostFormAsync(page, "/Bookings/New", fields);
        var refused = await missingRoom.Content.ReadAsStringAsync();
        missingRoom.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.ShouldContain("Choose a room.");
        refused.ShouldContain("value=\"14:30\"", Case.Sensitive, "what was typed stays");

        fields["Input.RoomId"] = room.ToString();
        var booked = await desk.PostFormAsync(page, "/Bookings/New", fields);

        booked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        booked.Headers.Location!.OriginalString.ShouldStartWith($"/Calendar?view=day&date={day:uuuu-MM-dd}");
        var appointment = await app.InStudioAsync(studio.Id, db => db.Appointments.AsNoTracking().SingleAsync(a => a.ClientId == studio.Clients[0].Id));
        appointment.StartsAt.ShouldBe(London.AtStrictly(day.At(new LocalTime(14, 30))).ToInstant());
        appointment.Kind.ShouldBe(Core.Scheduling.ServiceKind.Consultation);
        appointment.Status.ShouldBe(AppointmentStatus.Booked);
    }

    [Fact]
    public async Task A_refused_plan_names_each_session_beside_its_reason()
    {
        var studio = await app.CreateStudioAsync("Plan page");
        var room = await app.InStudioAsync(studio.Id, db => db.Rooms.Select(r => r.Id).SingleAsync());
        var first = SystemClock.Instance.GetCurrentInstant().InZone(London).Date.PlusDays(14).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Tuesday));
        string At(LocalDate day) => NodaTime.Text.InstantPattern.ExtendedIso.Format(London.AtStrictly(day.At(new LocalTime(10, 0))).ToInstant());
        var unscreened = studio.Clients[1].Id;
        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        var page = $"/Clients/{unscreened}/Plan";

        var response = await desk.PostFormAsync(page, page, new()
        {
            ["Prefs.HealedReview"] = "false",
            ["Slots[0].PractitionerId"] = studio.Practitioner.Id.ToString(),
            ["Slots[0].RoomId"] = room.ToString(),
            ["Slots[0].Start"] = At(first),
            ["Slots[1].PractitionerId"] = studio.Practitioner.Id.ToString(),
            ["Slots[1].RoomId"] = room.ToString(),
            ["Slots[1].Start"] = At(first.PlusDays(14)),
        });

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("The plan was not booked.");
        html.ShouldContain("Session 1 of 2: Screening blocks an SMP session on this day");
        html.ShouldContain("Session 2 of 2: Screening blocks an SMP session on this day");
        (await app.InStudioAsync(studio.Id, db => db.Appointments.CountAsync())).ShouldBe(0);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using Stipple.Core.Scheduling;
using Stipple.Domain;
using Stipple.Web.Features.Scheduling;
using Stipple.Web.Tests.Infrastructure;
using static Stipple.Web.Tests.Infrastructure.CareTestData;

namespace Stipple.Web.Tests;

/// <summary>
/// Plans and appointments through the API on a real PostgreSQL: proposals that keep the spacing rules, a plan booked in
/// one transaction or none, conflicts as 409 with alternatives, the screening gate, moves and cancellations under the
/// notice windows, and isolation between studios.
/// </summary>
public sealed class BookingApiTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private TestStudio studio = null!;
    private string key = "";
    private Guid room;

    public async Task InitializeAsync()
    {
        studio = await app.CreateStudioAsync("Booking");
        key = await app.CreateApiKeyAsync(studio.Id);
        room = await app.InStudioAsync(studio.Id, db => db.Rooms.Select(r => r.Id).SingleAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Proposals_place_every_session_inside_the_windows_and_opening_hours()
    {
        var client = await ScreenedClientAsync();

        var proposals = await ProposeAsync(client, new { sessions = 3, weekdays = new[] { "Wednesday" } });

        var schedules = proposals.GetProperty("schedules").EnumerateArray().ToList();
        schedules.Count.ShouldBeGreaterThan(0);
        foreach (var schedule in schedules)
        {
            var slots = schedule.GetProperty("slots").EnumerateArray().ToList();
            slots.Select(s => s.GetProperty("kind").GetString()).ShouldBe(["first_session", "follow_up_session", "follow_up_session", "healed_review"]);
            slots.Select(s => s.GetProperty("label").GetString()).ShouldBe(["Session 1 of 3", "Session 2 of 3", "Session 3 of 3", "Healed review"]);
            var days = slots.Select(s => Local(s).Date).ToList();
            Period.DaysBetween(days[0], days[1]).ShouldBeInRange(10, 14);
            Period.DaysBetween(days[1], days[2]).ShouldBeInRange(14, 28);
            Period.DaysBetween(days[2], days[3]).ShouldBeInRange(30, 42);
            foreach (var slot in slots)
            {
                var local = Local(slot);
                local.DayOfWeek.ShouldNotBe(IsoDayOfWeek.Sunday, "the studio is closed on Sundays");
                local.TimeOfDay.ShouldBeGreaterThanOrEqualTo(new LocalTime(9, 0));
                var end = InstantPattern.ExtendedIso.Parse(slot.GetProperty("end").GetString()!).Value.InZone(London).TimeOfDay;
                end.ShouldBeLessThanOrEqualTo(new LocalTime(17, 30), "cleanup (30 min) must also fit before closing at 18:00");
                slot.GetProperty("practitionerId").GetGuid().ShouldBe(studio.Practitioner.Id);
            }
        }

        var penalties = schedules.Select(s => s.GetProperty("penalty").GetInt32()).ToList();
        penalties.ShouldBe(penalties.Order().ToList(), "best first");
    }

    [Fact]
    public async Task Booking_a_proposed_plan_reserves_every_session_with_history_and_reminders()
    {
        var client = await ScreenedClientAsync();
        var schedule = (await ProposeAsync(client, new { sessions = 3 })).GetProperty("schedules")[0];

        using var api = app.CreateApiClient(key);
        var response = await api.PostAsJsonAsync($"/api/v1/clients/{client}/plans", BookBody(schedule));
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        var booked = JsonDocument.Parse(text).RootElement;
        var planId = booked.GetProperty("planId").GetGuid();
        var rows = await app.InStudioAsync(studio.Id, db => db.Appointments.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Step).ToListAsync());
        rows.Select(a => a.Step).ShouldBe([1, 2, 3, 4]);
        rows.ShouldAllBe(a => a.Status == AppointmentStatus.Booked && a.ClientId == client);
        rows.Select(a => a.StartsAt).ShouldBe(schedule.GetProperty("slots").EnumerateArray().Select(Start));
        rows.ShouldAllBe(a => a.BlockedUntil == a.EndsAt + Duration.FromMinutes(30));
        (rows[0].EndsAt - rows[0].StartsAt).ShouldBe(Duration.FromHours(4));
        (rows[1].EndsAt - rows[1].StartsAt).ShouldBe(Duration.FromHours(3));
        (rows[3].EndsAt - rows[3].StartsAt).ShouldBe(Duration.FromMinutes(30));
        var ids = rows.Select(a => a.Id).ToList();
        (await app.InStudioAsync(studio.Id, db => db.AppointmentEvents.CountAsync(e => ids.Contains(e.AppointmentId) && e.Kind == AppointmentEventKind.Booked))).ShouldBe(4);
        var reminders = await app.InStudioAsync(studio.Id, db => db.Outbox.AsNoTracking().Where(m => m.Kind == "appointment_reminder").ToListAsync());
        foreach (var appointment in rows.Skip(1))
        {
            reminders.Count(m => m.DedupeKey.Contains(appointment.Id.ToString("N"), StringComparison.Ordinal)).ShouldBe(2, "48 h and 2 h before");
            reminders.ShouldContain(m => m.DueAt == appointment.StartsAt - Duration.FromHours(48));
        }
    }

    [Fact]
    public async Task A_plan_whose_third_session_is_taken_books_nothing_and_answers_409_with_alternatives()
    {
        var first = await ScreenedClientAsync();
        var second = await ScreenedClientAsync();
        var schedule = (await ProposeAsync(first, new { sessions = 3 })).GetProperty("schedules")[0];
        var third = schedule.GetProperty("slots")[2];
        using var api = app.CreateApiClient(key);
        var blocker = await api.PostAsJsonAsync("/api/v1/appointments", new
        {
            clientId = second,
            kind = "consultation",
            slot = new { practitionerId = third.GetProperty("practitionerId").GetGuid(), roomId = third.GetProperty("roomId").GetGuid(), start = third.GetProperty("start").GetString() },
        });
        blocker.StatusCode.ShouldBe(HttpStatusCode.Created, await blocker.Content.ReadAsStringAsync());
        var before = await CountAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/clients/{first}/plans", BookBody(schedule));
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("detail").GetString()!.ShouldContain("no longer free");
        var alternatives = problem.GetProperty("alternatives").EnumerateArray().ToList();
        alternatives.ShouldNotBeEmpty();
        alternatives[0].GetProperty("slots").GetArrayLength().ShouldBe(4);
        (await CountAsync()).ShouldBe(before, "none of the plan's sessions was booked");

        var retry = await api.PostAsJsonAsync($"/api/v1/clients/{first}/plans", BookBody(alternatives[0]));
        retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Fifty_concurrent_bookings_of_the_same_plan_give_one_success_and_49_conflicts()
    {
        var clients = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            clients.Add(await ScreenedClientAsync());
        }

        var schedule = (await ProposeAsync(clients[0], new { sessions = 3 })).GetProperty("schedules")[0];
        var body = BookBody(schedule);
        var before = await CountAsync();
        using var gate = new SemaphoreSlim(0);
        var tasks = clients.Select(async client =>
        {
            using var api = app.CreateApiClient(key);
            await gate.WaitAsync();
            return await api.PostAsJsonAsync($"/api/v1/clients/{client}/plans", body);
        }).ToList();
        gate.Release(clients.Count);
        var responses = await Task.WhenAll(tasks);

        var statuses = string.Join(", ", responses.GroupBy(r => (int)r.StatusCode).Select(g => $"{g.Key} × {g.Count()}"));
        var odd = responses.FirstOrDefault(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict));
        var oddBody = odd is null ? "" : await odd.Content.ReadAsStringAsync();
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, $"{statuses}; {oddBody}");
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(49, $"{statuses}; {oddBody}");
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = JsonDocument.Parse(await conflict.Content.ReadAsStringAsync()).RootElement;
            problem.GetProperty("alternatives").GetArrayLength().ShouldBeGreaterThan(0, "a conflict comes with fresh schedules");
        }

        (await CountAsync()).ShouldBe(before + 4, "exactly one plan's four appointments were written");
    }

    [Fact]
    public async Task A_client_not_yet_screened_cannot_be_booked_for_sessions_but_can_for_a_consultation()
    {
        var screened = await ScreenedClientAsync();
        var unscreened = studio.Clients[1].Id;
        var schedule = (await ProposeAsync(screened, new { sessions = 2, healedReview = false })).GetProperty("schedules")[0];
        using var api = app.CreateApiClient(key);

        var errors = await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/clients/{unscreened}/plans", BookBody(schedule, healedReview: false)));

        errors["slots[0].start"].ShouldHaveSingleItem().ShouldContain("No intake yet");
        errors["slots[1].start"].ShouldHaveSingleItem().ShouldContain("Screening");
        var slot = schedule.GetProperty("slots")[0];
        var consultation = await api.PostAsJsonAsync("/api/v1/appointments", new
        {
            clientId = unscreened,
            kind = "consultation",
            slot = new { practitionerId = slot.GetProperty("practitionerId").GetGuid(), roomId = room, start = slot.GetProperty("start").GetString() },
        });
        consultation.StatusCode.ShouldBe(HttpStatusCode.Created, await consultation.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_slots_are_field_errors_naming_the_slot()
    {
        var client = await ScreenedClientAsync();
        var monday = NextWeekday(IsoDayOfWeek.Monday, 14);
        using var api = app.CreateApiClient(key);

        var errors = await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/clients/{client}/plans", new
        {
            healedReview = false,
            slots = new object[]
            {
                Slot(studio.Owner.Id, room, At(monday, 10, 0)),
                Slot(studio.Practitioner.Id, Guid.NewGuid(), At(monday.PlusDays(1), 10, 0)),
                Slot(studio.Practitioner.Id, room, At(monday.PlusDays(8), 19, 0)),
            },
        }));

        errors.ShouldContainKey("slots[0].practitionerId");
        errors.ShouldContainKey("slots[1].roomId");
        var spacing = await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/clients/{client}/plans", new
        {
            healedReview = false,
            slots = new object[] { Slot(studio.Practitioner.Id, room, At(monday, 10, 0)), Slot(studio.Practitioner.Id, room, At(monday.PlusDays(5), 10, 0)) },
        }));
        spacing.ShouldContainKey("slots[1].start");
        string.Join(" ", spacing["slots[1].start"]).ShouldContain("7");
        var hours = await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/clients/{client}/plans", new
        {
            healedReview = false,
            slots = new object[] { Slot(studio.Practitioner.Id, room, At(monday, 16, 0)) },
        }));
        hours.ShouldContainKey("slots[0].start");
        var missing = await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/clients/{client}/plans", new { slots = Array.Empty<object>() }));
        missing.ShouldContainKey("slots");
        var ends = await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/clients/{client}/plans", new
        {
            healedReview = false,
            slots = new object[] { Slot(studio.Practitioner.Id, room, "0001-01-01T00:00:00Z"), Slot(studio.Practitioner.Id, room, "9999-12-31T10:00:00Z") },
        }));
        ends["slots[0].start"].ShouldHaveSingleItem().ShouldContain("past");
        ends["slots[1].start"].ShouldHaveSingleItem().ShouldContain("years ahead");
        (await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/clients/{client}/plan-proposals", new { from = "9999-12-31" }))).ShouldContainKey("from");
        var appointment = await api.PostAsJsonAsync("/api/v1/appointments", new { clientId = client, kind = "consultation", slot = Slot(studio.Practitioner.Id, room, At(monday, 10, 0)) });
        var id = JsonDocument.Parse(await appointment.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        (await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/appointments/{id}/reschedule", new { start = "9999-12-31T10:00:00Z" }))).ShouldContainKey("slots[0].start");
    }

    [Fact]
    public async Task Moving_a_session_keeps_the_hard_spacing_records_history_and_moves_the_reminders()
    {
        var client = await ScreenedClientAsync();
        var schedule = (await ProposeAsync(client, new { sessions = 3 })).GetProperty("schedules")[0];
        using var api = app.CreateApiClient(key);
        var booked = JsonDocument.Parse(await (await api.PostAsJsonAsync($"/api/v1/clients/{client}/plans", BookBody(schedule))).Content.ReadAsStringAsync()).RootElement;
        var appointments = booked.GetProperty("appointments").EnumerateArray().ToList();
        var second = appointments[1];
        var firstDay = Local(appointments[0]).Date;

        var tooClose = await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/appointments/{second.GetProperty("id").GetGuid()}/reschedule",
            new { start = At(NextOpen(firstDay.PlusDays(3)), 10, 0) }));
        tooClose["start"].ShouldHaveSingleItem().ShouldContain("at least 7 days");

        var target = NextOpen(firstDay.PlusDays(8));
        var moved = await api.PostAsJsonAsync($"/api/v1/appointments/{second.GetProperty("id").GetGuid()}/reschedule", new { start = At(target, 9, 0), reason = "client asked" });
        var text = await moved.Content.ReadAsStringAsync();
        moved.IsSuccessStatusCode.ShouldBeTrue(text);
        var now = JsonDocument.Parse(text).RootElement;
        LocalDateTimePattern.ExtendedIso.Parse(now.GetProperty("localStart").GetString()!).Value.ShouldBe(target.At(new LocalTime(9, 0)));
        now.GetProperty("lateNotice").GetBoolean().ShouldBeFalse();
        var id = second.GetProperty("id").GetGuid();
        var events = await app.InStudioAsync(studio.Id, db => db.AppointmentEvents.AsNoTracking().Where(e => e.AppointmentId == id).OrderBy(e => e.At).ToListAsync());
        events.Select(e => e.Kind).ShouldBe([AppointmentEventKind.Booked, AppointmentEventKind.Rescheduled]);
        events[1].FromStartsAt.ShouldBe(Start(second));
        events[1].Reason.ShouldBe("client asked");
        var reminders = await app.InStudioAsync(studio.Id, db => db.Outbox.AsNoTracking().Where(m => m.DedupeKey.Contains(id.ToString("N"))).ToListAsync());
        reminders.Count(m => m.CancelledAt is null).ShouldBe(2);
        reminders.Count(m => m.CancelledAt is not null).ShouldBe(2);
        reminders.Where(m => m.CancelledAt is null).ShouldAllBe(m => m.DueAt < London.AtStrictly(target.At(new LocalTime(9, 0))).ToInstant());
    }

    [Fact]
    public async Task Moving_to_another_room_at_the_same_time_and_back_to_an_earlier_start_keeps_one_set_of_reminders()
    {
        var client = studio.Clients[0].Id;
        var day = NextOpen(Today().PlusDays(30));
        var second = await app.InStudioAsync(studio.Id, async db =>
        {
            var added = Room.Create(studio.Id, Guid.NewGuid(), "Room B");
            db.Rooms.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        using var api = app.CreateApiClient(key);
        var created = await api.PostAsJsonAsync("/api/v1/appointments", new { clientId = client, kind = "consultation", slot = Slot(studio.Practitioner.Id, room, At(day, 11, 0)) });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var sameTime = await api.PostAsJsonAsync($"/api/v1/appointments/{id}/reschedule", new { start = At(day, 11, 0), roomId = second });
        sameTime.IsSuccessStatusCode.ShouldBeTrue(await sameTime.Content.ReadAsStringAsync());
        var later = await api.PostAsJsonAsync($"/api/v1/appointments/{id}/reschedule", new { start = At(day, 14, 0) });
        later.IsSuccessStatusCode.ShouldBeTrue(await later.Content.ReadAsStringAsync());
        var back = await api.PostAsJsonAsync($"/api/v1/appointments/{id}/reschedule", new { start = At(day, 11, 0) });
        back.IsSuccessStatusCode.ShouldBeTrue(await back.Content.ReadAsStringAsync());

        var reminders = await app.InStudioAsync(studio.Id, db => db.Outbox.AsNoTracking().Where(m => m.DedupeKey.Contains(id.ToString("N"))).ToListAsync());
        var start = London.AtStrictly(day.At(new LocalTime(11, 0))).ToInstant();
        reminders.Where(m => m.CancelledAt is null).Select(m => m.DueAt).Order().ShouldBe([start - Duration.FromHours(48), start - Duration.FromHours(2)]);
        reminders.Count(m => m.CancelledAt is not null).ShouldBe(2, "the 14:00 reminders were cancelled");
    }

    [Fact]
    public async Task Cancelling_inside_the_notice_window_is_late_frees_the_slot_and_cancels_reminders()
    {
        var client = studio.Clients[0].Id;
        var tomorrow = NextOpen(Today().PlusDays(1));
        // Two weeks' notice, so "tomorrow" (or Monday, after a Sunday) is inside the window whatever today is.
        var saved = await app.InStudioServicesAsync(studio.Id, async services =>
            await services.GetRequiredService<SchedulingSettingsService>().SaveAsync(SchedulingSettings.Default with { CancelNoticeHours = 336 }, CancellationToken.None));
        saved.Succeeded.ShouldBeTrue();
        using var api = app.CreateApiClient(key);
        var created = await api.PostAsJsonAsync("/api/v1/appointments", new { clientId = client, kind = "consultation", slot = Slot(studio.Practitioner.Id, room, At(tomorrow, 17, 0)) });
        var text = await created.Content.ReadAsStringAsync();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();

        var cancelled = await api.PostAsJsonAsync($"/api/v1/appointments/{id}/cancel", new { reason = "ill" });

        var body = JsonDocument.Parse(await cancelled.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("status").GetString().ShouldBe("cancelled");
        body.GetProperty("lateNotice").GetBoolean().ShouldBeTrue("under the notice window");
        (await app.InStudioAsync(studio.Id, db => db.Outbox.CountAsync(m => m.DedupeKey.Contains(id.ToString("N")) && m.CancelledAt == null))).ShouldBe(0);
        var again = await api.PostAsJsonAsync("/api/v1/appointments", new { clientId = studio.Clients[1].Id, kind = "consultation", slot = Slot(studio.Practitioner.Id, room, At(tomorrow, 17, 0)) });
        again.StatusCode.ShouldBe(HttpStatusCode.Created, "a cancelled appointment frees its time");
        (await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/appointments/{id}/cancel", new { }))).ShouldContainKey("status");
    }

    [Fact]
    public async Task No_show_only_once_started_and_another_studio_sees_nothing()
    {
        var client = studio.Clients[0].Id;
        var day = NextOpen(Today().PlusDays(20));
        using var api = app.CreateApiClient(key);
        var created = await api.PostAsJsonAsync("/api/v1/appointments", new { clientId = client, kind = "consultation", slot = Slot(studio.Practitioner.Id, room, At(day, 11, 0)) });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        (await ProblemAsync(await api.PostAsync($"/api/v1/appointments/{id}/no-show", null))).ShouldContainKey("status");

        var other = await app.CreateStudioAsync("Booking other");
        using var otherApi = app.CreateApiClient(await app.CreateApiKeyAsync(other.Id));
        (await otherApi.GetAsync($"/api/v1/appointments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherApi.PostAsJsonAsync($"/api/v1/appointments/{id}/cancel", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherApi.PostAsJsonAsync($"/api/v1/clients/{client}/plan-proposals", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherApi.GetFromJsonAsync<JsonElement>($"/api/v1/appointments?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z")).GetArrayLength().ShouldBe(0);
    }

    private async Task<Guid> ScreenedClientAsync()
    {
        using var api = app.CreateApiClient(key);
        var response = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Plan", familyName = $"Client{Guid.NewGuid():N}"[..20], email = $"c{Guid.NewGuid():N}@example.com", dateOfBirth = StippleAppFactory.AdultDateOfBirth });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var client = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var consultation = await StartConsultationAsync(app, studio.Id, client);
        await SubmitIntakeAsync(app, studio.Id, consultation, Clean());
        return client;
    }

    private async Task<JsonElement> ProposeAsync(Guid client, object body)
    {
        using var api = app.CreateApiClient(key);
        var response = await api.PostAsJsonAsync($"/api/v1/clients/{client}/plan-proposals", body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<int> CountAsync() => app.InStudioAsync(studio.Id, db => db.Appointments.CountAsync(a => a.Status != AppointmentStatus.Cancelled));

    private static JsonObject BookBody(JsonElement schedule, bool healedReview = true) => new()
    {
        ["healedReview"] = healedReview,
        ["slots"] = new JsonArray([.. schedule.GetProperty("slots").EnumerateArray()
            .Select(s => (JsonNode)new JsonObject
            {
                ["practitionerId"] = s.GetProperty("practitionerId").GetGuid(),
                ["roomId"] = s.GetProperty("roomId").GetGuid(),
                ["start"] = s.GetProperty("start").GetString(),
            })]),
    };

    private static object Slot(Guid practitioner, Guid roomId, string start) => new { practitionerId = practitioner, roomId, start };

    private static LocalDateTime Local(JsonElement slot) => LocalDateTimePattern.ExtendedIso.Parse(slot.GetProperty("localStart").GetString()!).Value;

    private static Instant Start(JsonElement slot) => InstantPattern.ExtendedIso.Parse(slot.GetProperty("start").GetString()!).Value;

    private static string At(LocalDate day, int hour, int minute) =>
        InstantPattern.ExtendedIso.Format(London.AtStrictly(day.At(new LocalTime(hour, minute))).ToInstant());

    /// <summary>The first day on or after <paramref name="day"/> the test studio is open (Monday to Saturday).</summary>
    private static LocalDate NextOpen(LocalDate day) => day.DayOfWeek == IsoDayOfWeek.Sunday ? day.PlusDays(1) : day;

    private static LocalDate NextWeekday(IsoDayOfWeek weekday, int afterDays) => Today().PlusDays(afterDays).With(DateAdjusters.NextOrSame(weekday));
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Stipple.Core.Scheduling;
using Stipple.Domain;
using Stipple.Web.Features.Scheduling;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>
/// What the availability engine is given: the calendar read in at most three round trips (the connection's studio
/// setting and two queries), with exactly the studio's bookable practitioners, rooms in use, hours, closures, time off
/// and live appointments.
/// </summary>
public sealed class CalendarLoaderTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    [Fact]
    public async Task Loads_the_calendar_in_at_most_three_round_trips_with_only_live_bookable_things()
    {
        var studio = await app.CreateStudioAsync("Loader");
        var day = new LocalDate(2031, 3, 4);
        var (room, retired, live, cancelled) = await app.InStudioAsync(studio.Id, async db =>
        {
            var room = await db.Rooms.SingleAsync();
            var retired = Room.Create(studio.Id, Guid.NewGuid(), "Old room");
            retired.SetActive(false);
            db.Rooms.Add(retired);
            db.WeeklyHours.Add(WeeklyHours.Create(studio.Id, studio.Practitioner.Id, IsoDayOfWeek.Tuesday, new LocalTime(10, 0), new LocalTime(16, 0)));
            db.Closures.Add(StudioClosure.Create(studio.Id, day.PlusDays(1), day.PlusDays(2), "Refit"));
            db.Closures.Add(StudioClosure.Create(studio.Id, day.PlusDays(200), day.PlusDays(201), "Far away"));
            db.TimeOff.Add(TimeOff.Create(studio.Id, studio.Practitioner.Id, At(day, 12), At(day, 13), "Dentist", null, SystemClock.Instance.GetCurrentInstant()));
            var now = SystemClock.Instance.GetCurrentInstant();
            var live = Appointment.Book(studio.Id, studio.Clients[0].Id, null, null, Placed(studio.Practitioner.Id, room.Id, At(day, 10)), null, now);
            var cancelled = Appointment.Book(studio.Id, studio.Clients[1].Id, null, null, Placed(studio.Practitioner.Id, room.Id, At(day, 14)), null, now);
            cancelled.Cancel(now, lateNotice: false);
            db.Appointments.AddRange(live, cancelled);
            await db.SaveChangesAsync();
            return (room.Id, retired.Id, live, cancelled);
        });

        var commands = new ConcurrentBag<string>();
        var database = app.Database.Name;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => string.Equals(source.Name, "Npgsql", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TagObjects.Any(t => string.Equals(t.Value?.ToString(), database, StringComparison.Ordinal)))
                {
                    commands.Add(activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var loaded = await app.InStudioServicesAsync(studio.Id, services =>
            services.GetRequiredService<CalendarLoader>().LoadAsync(day, day.PlusDays(30), studio.Clients[0].Id, [], CancellationToken.None));
        listener.Dispose();

        commands.Count.ShouldBeInRange(1, 3, string.Join(" | ", commands));
        loaded.Zone.Id.ShouldBe("Europe/London");
        loaded.Calendar.Practitioners.Select(p => p.Id).ShouldBe([studio.Practitioner.Id], "only staff who take bookings (the owner and front desk do not)");
        loaded.Calendar.Practitioners[0].Hours.ShouldBe([new OpeningInterval(IsoDayOfWeek.Tuesday, new LocalTime(10, 0), new LocalTime(16, 0))]);
        loaded.Calendar.RoomIds.ShouldBe([room]);
        loaded.Calendar.RoomIds.ShouldNotContain(retired);
        loaded.Calendar.OpeningHours.Count.ShouldBe(6, "Monday to Saturday by default");
        loaded.Calendar.Closures.ShouldHaveSingleItem().Reason.ShouldBe("Refit");
        loaded.Calendar.Busy.ShouldContain(new BusyInterval(studio.Practitioner.Id, At(day, 12), At(day, 13)), "time off");
        loaded.Calendar.Busy.ShouldContain(new BusyInterval(studio.Practitioner.Id, live.StartsAt, live.BlockedUntil));
        loaded.Calendar.Busy.ShouldContain(new BusyInterval(room, live.StartsAt, live.BlockedUntil));
        loaded.Calendar.Busy.ShouldNotContain(b => b.Start == cancelled.StartsAt, "a cancelled appointment frees its time");
        loaded.ClientBusy.ShouldBe([new BusyInterval(studio.Clients[0].Id, live.StartsAt, live.EndsAt)]);
        loaded.Settings.ShouldBe(SchedulingSettings.Default);

        var moving = await app.InStudioServicesAsync(studio.Id, services =>
            services.GetRequiredService<CalendarLoader>().LoadAsync(day, day.PlusDays(30), null, [live.Id], CancellationToken.None));
        moving.Calendar.Busy.ShouldNotContain(b => b.Start == live.StartsAt, "the appointment being moved does not block itself");
        moving.ClientBusy.ShouldBeEmpty();
    }

    private static Instant At(LocalDate day, int hour) => London.AtStrictly(day.At(new LocalTime(hour, 0))).ToInstant();

    private static PlacedSession Placed(Guid practitioner, Guid room, Instant start) =>
        new(0, ServiceKind.Consultation, practitioner, room, start.InZone(London).LocalDateTime, start, start + Duration.FromMinutes(30), start + Duration.FromHours(1));
}

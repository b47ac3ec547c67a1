using NodaTime;
using Stipple.Core.Scheduling;
using static Stipple.Core.Tests.Scheduling.Studios;

namespace Stipple.Core.Tests.Scheduling;

/// <summary>
/// Golden plans across daylight-saving changes. The same studio everywhere (open Tuesday–Saturday 09:00–18:00), the
/// client prefers 10:00–12:00 starts, room 1 is busy 09:00–11:00 on the day of session 2 and Ava is off on the Friday
/// 24 days in. Session 1 falls on the Tuesday before a change, so every later step comes after it: the local start stays
/// 10:00 and the UTC instant moves by the change. The UTC literals are worked out by hand from each zone's offsets.
/// </summary>
public sealed class DaylightSavingPlanTests
{
    [Fact]
    public void London_spring_forward_on_the_last_Sunday_of_March() => AssertPlan(
        "Europe/London",
        new LocalDate(2026, 3, 24), // GMT (+00:00) until Sunday 29 March, then BST (+01:00)
        Instant.FromUtc(2026, 3, 24, 10, 0),
        Instant.FromUtc(2026, 4, 3, 9, 0),
        Instant.FromUtc(2026, 4, 18, 9, 0),
        Instant.FromUtc(2026, 5, 19, 9, 0));

    [Fact]
    public void London_fall_back_on_the_last_Sunday_of_October() => AssertPlan(
        "Europe/London",
        new LocalDate(2026, 10, 20), // BST until Sunday 25 October, then GMT
        Instant.FromUtc(2026, 10, 20, 9, 0),
        Instant.FromUtc(2026, 10, 30, 10, 0),
        Instant.FromUtc(2026, 11, 14, 10, 0),
        Instant.FromUtc(2026, 12, 15, 10, 0));

    [Fact]
    public void New_York_spring_forward_on_the_second_Sunday_of_March() => AssertPlan(
        "America/New_York",
        new LocalDate(2026, 3, 3), // EST (−05:00) until Sunday 8 March, then EDT (−04:00)
        Instant.FromUtc(2026, 3, 3, 15, 0),
        Instant.FromUtc(2026, 3, 13, 14, 0),
        Instant.FromUtc(2026, 3, 28, 14, 0),
        Instant.FromUtc(2026, 4, 28, 14, 0));

    [Fact]
    public void New_York_fall_back_on_the_first_Sunday_of_November() => AssertPlan(
        "America/New_York",
        new LocalDate(2026, 10, 27), // EDT until Sunday 1 November, then EST
        Instant.FromUtc(2026, 10, 27, 14, 0),
        Instant.FromUtc(2026, 11, 6, 15, 0),
        Instant.FromUtc(2026, 11, 21, 15, 0),
        Instant.FromUtc(2026, 12, 22, 15, 0));

    [Fact]
    public void Sydney_daylight_saving_ends_on_the_first_Sunday_of_April() => AssertPlan(
        "Australia/Sydney",
        new LocalDate(2026, 3, 31), // AEDT (+11:00) until Sunday 5 April, then AEST (+10:00): 10:00 is the previous UTC evening
        Instant.FromUtc(2026, 3, 30, 23, 0),
        Instant.FromUtc(2026, 4, 10, 0, 0),
        Instant.FromUtc(2026, 4, 25, 0, 0),
        Instant.FromUtc(2026, 5, 26, 0, 0));

    [Fact]
    public void Sydney_daylight_saving_starts_on_the_first_Sunday_of_October() => AssertPlan(
        "Australia/Sydney",
        new LocalDate(2026, 9, 29), // AEST until Sunday 4 October, then AEDT
        Instant.FromUtc(2026, 9, 29, 0, 0),
        Instant.FromUtc(2026, 10, 8, 23, 0),
        Instant.FromUtc(2026, 10, 23, 23, 0),
        Instant.FromUtc(2026, 11, 23, 23, 0));

    [Fact]
    public void Kolkata_has_no_daylight_saving_and_a_half_hour_offset_on_the_grid() => AssertPlan(
        "Asia/Kolkata",
        new LocalDate(2026, 3, 24), // IST (+05:30) all year
        Instant.FromUtc(2026, 3, 24, 4, 30),
        Instant.FromUtc(2026, 4, 3, 4, 30),
        Instant.FromUtc(2026, 4, 18, 4, 30),
        Instant.FromUtc(2026, 5, 19, 4, 30));

    /// <summary>
    /// Session 1 on the Tuesday; session 2 ten days later (the earliest of its 10–14 day window) in room 2 because room 1
    /// is busy; session 3 on day 25, not day 24 when Ava is off (continuity beats Ben being free that day); the healed
    /// review 31 days later on the Tuesday, as day 30 is a Monday and the studio is closed Sundays and Mondays.
    /// </summary>
    private static void AssertPlan(string zoneId, LocalDate tuesday, params Instant[] utc)
    {
        tuesday.DayOfWeek.ShouldBe(IsoDayOfWeek.Tuesday);
        var zone = Zone(zoneId);
        var calendar = Calendar(zone, [Busy(Room1, zone, tuesday.PlusDays(10), 9, 11), DayOff(Ava, zone, tuesday.PlusDays(24))]);

        var schedules = AvailabilityEngine.Propose(calendar, Plan(tuesday, Between(10, 0, 12, 0)));

        schedules.Select(s => s.Penalty).ShouldBe([0, 1, 1, 2, 2]);
        var best = schedules[0];
        best.SamePractitioner.ShouldBeTrue();
        best.Sessions.Select(s => s.LocalStart).ShouldBe(
        [
            tuesday.At(new LocalTime(10, 0)),
            tuesday.PlusDays(10).At(new LocalTime(10, 0)),
            tuesday.PlusDays(25).At(new LocalTime(10, 0)),
            tuesday.PlusDays(56).At(new LocalTime(10, 0)),
        ]);
        best.Sessions.Select(s => s.Start).ShouldBe(utc);
        best.Sessions.Select(s => s.End - s.Start).ShouldBe([Duration.FromHours(4), Duration.FromHours(3), Duration.FromHours(3), Duration.FromMinutes(30)]);
        best.Sessions.ShouldAllBe(s => s.BlockedUntil - s.End == Duration.FromMinutes(30));
        best.Sessions.Select(s => s.PractitionerId).ShouldBe([Ava, Ava, Ava, Ava]);
        best.Sessions.Select(s => s.RoomId).ShouldBe([Room1, Room2, Room2, Room2]);
        best.Sessions.Select(s => s.Kind).ShouldBe([ServiceKind.FirstSession, ServiceKind.FollowUpSession, ServiceKind.FollowUpSession, ServiceKind.HealedReview]);
        AvailabilityEngine.Check(calendar, best.Sessions, SchedulingSettings.Default).ShouldBeEmpty();

        // The runners-up: Ava then Ben on the Wednesday (one day later), then Ava and Ben on the Thursday.
        schedules[1].Sessions[0].LocalStart.ShouldBe(tuesday.PlusDays(1).At(new LocalTime(10, 0)));
        schedules[1].Sessions[0].PractitionerId.ShouldBe(Ava);
        schedules[2].Sessions[0].PractitionerId.ShouldBe(Ben);
    }
}

using NodaTime;
using Stipple.Core.Scheduling;
using static Stipple.Core.Tests.Scheduling.Studios;

namespace Stipple.Core.Tests.Scheduling;

/// <summary>Each kind of problem <see cref="AvailabilityEngine.Check"/> reports, with the field it names.</summary>
public sealed class CheckTests
{
    private static readonly DateTimeZone London = Zone("Europe/London");
    private static readonly LocalDate Tuesday = new(2026, 3, 3);
    private static readonly SchedulingSettings Settings = SchedulingSettings.Default;

    [Fact]
    public void A_plan_that_fits_has_no_issues()
    {
        SchedulingIssue[] none = [];
        AvailabilityEngine.Check(Calendar(London), Plan(Tuesday, 10, 24, 56), Settings).ShouldBe(none);
    }

    [Fact]
    public void Outside_opening_hours_names_the_day()
    {
        var late = Session(0, ServiceKind.FirstSession, Ava, Room1, Tuesday.At(new LocalTime(16, 0)));

        Issues(late).ShouldBe([("sessions[0].start", "is outside opening hours on Tuesday 3 March")]);
    }

    [Fact]
    public void The_cleanup_buffer_must_fit_before_closing_too()
    {
        // 13:30 + 4 h = 17:30 is inside; the 30-minute cleanup to 18:00 just fits. 14:00 + 4 h + 30 min does not.
        Issues(Session(0, ServiceKind.FirstSession, Ava, Room1, Tuesday.At(new LocalTime(13, 30)))).ShouldBeEmpty();
        Issues(Session(0, ServiceKind.FirstSession, Ava, Room1, Tuesday.At(new LocalTime(14, 0))))
            .ShouldBe([("sessions[0].start", "is outside opening hours on Tuesday 3 March")]);
    }

    [Fact]
    public void A_day_the_studio_does_not_open_is_outside_opening_hours()
    {
        var monday = Session(0, ServiceKind.FirstSession, Ava, Room1, Tuesday.PlusDays(-1).At(new LocalTime(10, 0)));

        Issues(monday).ShouldBe([("sessions[0].start", "is outside opening hours on Monday 2 March")]);
    }

    [Fact]
    public void A_closure_is_named_by_its_reason()
    {
        var christmas = new Closure(new LocalDate(2026, 12, 24), new LocalDate(2026, 12, 27), "Christmas");
        var session = Session(0, ServiceKind.FirstSession, Ava, Room1, new LocalDateTime(2026, 12, 24, 10, 0));

        AvailabilityEngine.Check(Calendar(London, closures: [christmas]), [session], Settings).ShouldBe([new SchedulingIssue("sessions[0].start", "falls on a closure (Christmas)")]);
    }

    [Fact]
    public void Outside_the_practitioners_own_hours()
    {
        var ben = Session(0, ServiceKind.FirstSession, Ben, Room1, Tuesday.At(new LocalTime(10, 0)));
        var benWednesdayEvening = Session(0, ServiceKind.FollowUpSession, Ben, Room1, Tuesday.PlusDays(1).At(new LocalTime(14, 0)));

        Issues(ben).ShouldBe([("sessions[0].start", "is outside the practitioner's working hours on Tuesday 3 March")]);
        Issues(benWednesdayEvening).ShouldBe([("sessions[0].start", "is outside the practitioner's working hours on Wednesday 4 March")]);
    }

    [Fact]
    public void Practitioner_busy_time_and_room_busy_time_are_separate_issues()
    {
        var calendar = Calendar(London, [Busy(Ava, London, Tuesday, 13, 14), Busy(Room1, London, Tuesday, 9, 10)]);
        var session = Session(0, ServiceKind.FirstSession, Ava, Room1, Tuesday.At(new LocalTime(9, 30)));

        AvailabilityEngine.Check(calendar, [session], Settings).ShouldBe(
        [
            new SchedulingIssue("sessions[0].start", "overlaps the practitioner's time off or another appointment"),
            new SchedulingIssue("sessions[0].start", "overlaps another booking in the room"),
        ]);
    }

    [Fact]
    public void Busy_time_touching_the_session_does_not_overlap_it()
    {
        // Busy [13:00, 14:00) and a session blocked [09:00, 13:00 + 30 min) overlap; [14:00, 15:00) after 13:30 does not.
        var calendar = Calendar(London, [Busy(Ava, London, Tuesday, 14, 15), Busy(Room1, London, Tuesday, 8, 9)]);

        AvailabilityEngine.Check(calendar, [Session(0, ServiceKind.FirstSession, Ava, Room1, Tuesday.At(new LocalTime(9, 0)))], Settings).ShouldBeEmpty();
    }

    [Fact]
    public void Off_the_start_grid()
    {
        Issues(Session(0, ServiceKind.FirstSession, Ava, Room1, Tuesday.At(new LocalTime(10, 15))))
            .ShouldBe([("sessions[0].start", "is not on the 30-minute start grid")]);
        AvailabilityEngine.Check(Calendar(London), [Session(0, ServiceKind.FirstSession, Ava, Room1, Tuesday.At(new LocalTime(10, 15)))], Settings with { StartIntervalMinutes = 15 })
            .ShouldBeEmpty();
    }

    [Fact]
    public void Sessions_closer_than_the_hard_minimum()
    {
        var plan = Plan(Tuesday.PlusDays(2), 5, 26, 57);

        Issues(plan).ShouldBe([("sessions[1].start", "is only 5 days after session 1; sessions must be at least 7 days apart")]);
    }

    [Fact]
    public void Spacing_uses_the_hard_minimum_not_the_proposal_window()
    {
        // 8 days is outside the default 10–14 window for proposals, but a front desk may book it.
        Issues(Plan(Tuesday, 8, 24, 56)).ShouldBeEmpty();
        AvailabilityEngine.Check(Calendar(London), Plan(Tuesday, 8, 24, 56), Settings with { MinDaysBetweenSessions = 9 })
            .ShouldBe([new SchedulingIssue("sessions[1].start", "is only 8 days after session 1; sessions must be at least 9 days apart")]);
    }

    [Fact]
    public void A_healed_review_too_soon_after_the_last_session()
    {
        Issues(Plan(Tuesday, 10, 24, 38))
            .ShouldBe([("sessions[3].start", "is only 14 days after session 3; a healed review must be at least 21 days after the last session")]);
    }

    [Fact]
    public void Sessions_on_the_same_day_or_out_of_order()
    {
        var first = Session(0, ServiceKind.FirstSession, Ava, Room1, Tuesday.PlusDays(3).At(new LocalTime(9, 0)));
        var sameDay = Session(1, ServiceKind.FollowUpSession, Ben, Room2, Tuesday.PlusDays(3).At(new LocalTime(10, 0)));
        var before = Session(1, ServiceKind.FollowUpSession, Ava, Room1, Tuesday.At(new LocalTime(10, 0)));

        Issues(first, sameDay).ShouldBe([("sessions[1].start", "is on the same day as session 1; sessions must be at least 7 days apart")]);
        Issues(first, before).ShouldBe([("sessions[1].start", "is 3 days before session 1; sessions must be at least 7 days apart")]);
    }

    [Fact]
    public void Sessions_are_checked_against_each_other()
    {
        var wednesday = Tuesday.PlusDays(1);
        var consultation = Session(0, ServiceKind.Consultation, Ava, Room1, wednesday.At(new LocalTime(10, 0)));
        var touchUp = Session(1, ServiceKind.TouchUp, Ava, Room1, wednesday.At(new LocalTime(10, 30)));

        Issues(consultation, touchUp).ShouldBe(
        [
            ("sessions[0].start", "overlaps session 2 with the same practitioner"),
            ("sessions[0].start", "overlaps session 2 in the same room"),
            ("sessions[1].start", "overlaps session 1 with the same practitioner"),
            ("sessions[1].start", "overlaps session 1 in the same room"),
        ]);
        Issues(consultation, touchUp with { PractitionerId = Ben, RoomId = Room2 }).ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_practitioner_and_room_name_their_own_fields()
    {
        var stranger = Session(0, ServiceKind.FirstSession, Guid.NewGuid(), Guid.NewGuid(), Tuesday.At(new LocalTime(10, 0)));

        Issues(stranger).ShouldBe(
        [
            ("sessions[0].practitionerId", "is not a practitioner who takes bookings at this studio"),
            ("sessions[0].roomId", "is not one of the studio's rooms"),
        ]);
    }

    [Fact]
    public void Inconsistent_times_name_their_fields()
    {
        var session = Session(0, ServiceKind.FirstSession, Ava, Room1, Tuesday.At(new LocalTime(10, 0)));

        Issues(session with { End = session.Start }).ShouldContain(("sessions[0].end", "must be after the start"));
        Issues(session with { BlockedUntil = session.End - Duration.FromMinutes(1) }).ShouldBe([("sessions[0].blockedUntil", "must not be before the end")]);
        Issues(session with { LocalStart = session.LocalStart.PlusHours(1) })
            .ShouldBe([("sessions[0].localStart", "does not match the start, which is 2026-03-03 10:00 in Europe/London")]);
    }

    private static (string Field, string Message)[] Issues(params PlacedSession[] sessions) =>
        [.. AvailabilityEngine.Check(Calendar(London), sessions, Settings).Select(i => (i.Field, i.Message))];

    /// <summary>Three sessions at 10:00 from <paramref name="first"/> and the given days after it, then the review, all with Ava in room 1.</summary>
    private static PlacedSession[] Plan(LocalDate first, int second, int third, int review) =>
    [
        Session(0, ServiceKind.FirstSession, Ava, Room1, first.At(new LocalTime(10, 0))),
        Session(1, ServiceKind.FollowUpSession, Ava, Room1, first.PlusDays(second).At(new LocalTime(10, 0))),
        Session(2, ServiceKind.FollowUpSession, Ava, Room1, first.PlusDays(third).At(new LocalTime(10, 0))),
        Session(3, ServiceKind.HealedReview, Ava, Room1, first.PlusDays(review).At(new LocalTime(10, 0))),
    ];

    private static PlacedSession Session(int step, ServiceKind kind, Guid practitioner, Guid room, LocalDateTime local)
    {
        var start = local.InZoneStrictly(London).ToInstant();
        var end = start + Settings.LengthOf(kind);
        return new PlacedSession(step, kind, practitioner, room, local, start, end, end + Settings.Buffer);
    }
}

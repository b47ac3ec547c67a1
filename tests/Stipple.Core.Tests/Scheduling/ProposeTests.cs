using NodaTime;
using Stipple.Core.Scheduling;
using static Stipple.Core.Tests.Scheduling.Studios;

namespace Stipple.Core.Tests.Scheduling;

/// <summary>Edges, preferences and continuity of <see cref="AvailabilityEngine.Propose"/> in the London studio of <see cref="Studios"/>.</summary>
public sealed class ProposeTests
{
    private static readonly DateTimeZone London = Zone("Europe/London");
    private static readonly LocalDate Tuesday = new(2026, 6, 2);

    [Fact]
    public void No_practitioners_means_no_schedules() =>
        AvailabilityEngine.Propose(Calendar(London) with { Practitioners = [] }, Plan(Tuesday)).ShouldBeEmpty();

    [Fact]
    public void No_rooms_means_no_schedules() =>
        AvailabilityEngine.Propose(Calendar(London) with { RoomIds = [] }, Plan(Tuesday)).ShouldBeEmpty();

    [Fact]
    public void A_closure_over_every_first_day_means_no_schedules()
    {
        var refit = new Closure(Tuesday.PlusDays(-3), Tuesday.PlusDays(14), "Refit");

        AvailabilityEngine.Propose(Calendar(London, closures: [refit]), Plan(Tuesday)).ShouldBeEmpty();
        AvailabilityEngine.Propose(Calendar(London, closures: [refit]), Plan(Tuesday, lastDay: Tuesday.PlusDays(15)))
            .ShouldAllBe(s => s.Sessions[0].LocalStart.Date == Tuesday.PlusDays(15));
    }

    [Fact]
    public void Last_day_before_first_day_or_no_results_asked_means_none()
    {
        AvailabilityEngine.Propose(Calendar(London), Plan(Tuesday, lastDay: Tuesday.PlusDays(-1))).ShouldBeEmpty();
        AvailabilityEngine.Propose(Calendar(London), Plan(Tuesday, maxResults: 0)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void At_most_max_results_come_back_one_per_first_day_and_practitioner(int maxResults)
    {
        var schedules = AvailabilityEngine.Propose(Calendar(London), Plan(Tuesday, maxResults: maxResults));

        schedules.Count.ShouldBe(maxResults);
        schedules.Select(s => (s.Sessions[0].LocalStart.Date, s.Sessions[0].PractitionerId)).Distinct().Count().ShouldBe(maxResults);
    }

    [Fact]
    public void Asking_for_everything_returns_every_first_day_and_practitioner()
    {
        // Two weeks of first days: Ava works ten of them (Tuesday–Saturday), Ben eight (Wednesday–Saturday).
        var schedules = AvailabilityEngine.Propose(Calendar(London), Plan(Tuesday, lastDay: Tuesday.PlusDays(13), maxResults: int.MaxValue));

        schedules.Count.ShouldBe(18);
        schedules.Select(s => s.Penalty).ShouldBeInOrder();
    }

    [Fact]
    public void A_preferred_weekday_beats_one_day_earlier()
    {
        var wednesdays = SchedulePreferences.None with { Weekdays = new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Wednesday } };

        var schedules = AvailabilityEngine.Propose(Calendar(London), Single(Tuesday, Tuesday.PlusDays(1), 60, preferences: wednesdays));

        // Wednesday: 1 day later, preferred (1). Tuesday: first day, not preferred (3).
        schedules.Select(s => (s.Sessions[0].LocalStart.Date, s.Penalty)).ShouldBe(
            [(Tuesday.PlusDays(1), 1), (Tuesday.PlusDays(1), 1), (Tuesday, AvailabilityEngine.PenaltyOffPreferredWeekday)]);
    }

    [Fact]
    public void A_preferred_time_of_day_is_the_start_within_the_day()
    {
        var afternoons = Between(14, 0, 17, 0);

        var ava = AvailabilityEngine.Propose(Calendar(London), Single(Tuesday, Tuesday, 60, preferences: afternoons))[0];

        ava.Sessions[0].LocalStart.TimeOfDay.ShouldBe(new LocalTime(14, 0));
        ava.Penalty.ShouldBe(0);
        var tooLong = AvailabilityEngine.Propose(Calendar(London), Single(Tuesday, Tuesday, 300, preferences: afternoons))[0];
        tooLong.Sessions[0].LocalStart.TimeOfDay.ShouldBe(new LocalTime(9, 0), "nothing fits in the afternoon, so the earliest start");
        tooLong.Penalty.ShouldBe(AvailabilityEngine.PenaltyOutsidePreferredTime);
    }

    [Fact]
    public void A_preferred_practitioner_beats_a_day_earlier_with_someone_else()
    {
        var withBen = SchedulePreferences.None with { PractitionerId = Ben };

        var schedules = AvailabilityEngine.Propose(Calendar(London), Plan(Tuesday, withBen, maxResults: 10));

        schedules[0].Sessions.ShouldAllBe(s => s.PractitionerId == Ben);
        schedules[0].Sessions[0].LocalStart.Date.ShouldBe(Tuesday.PlusDays(1)); // Ben does not work Tuesdays
        schedules[0].Penalty.ShouldBe(1);
        var ava = schedules.First(s => s.Sessions[0].PractitionerId == Ava);
        ava.Sessions[0].LocalStart.Date.ShouldBe(Tuesday);
        ava.Penalty.ShouldBe(AvailabilityEngine.PenaltyNotPreferredPractitioner);
        // Ben Wednesday to Saturday (1–4), Ava Tuesday to Friday (5–8), Ben the next Wednesday (8, later than Ava's Friday), Ava Saturday.
        schedules.Select(s => s.Penalty).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 8, 9]);
        schedules[8].Sessions[0].PractitionerId.ShouldBe(Ben);
    }

    [Fact]
    public void Continuity_beats_an_earlier_day_with_another_practitioner()
    {
        // Ava is off on the first day of session 2's window; Ben is free then, but Ava the next day wins.
        var calendar = Calendar(London, [DayOff(Ava, London, Tuesday.PlusDays(10))]);

        var best = AvailabilityEngine.Propose(calendar, Plan(Tuesday))[0];

        best.Sessions.Select(s => s.PractitionerId).ShouldBe([Ava, Ava, Ava, Ava]);
        best.Sessions[1].LocalStart.Date.ShouldBe(Tuesday.PlusDays(11));
        best.Penalty.ShouldBe(0);
    }

    [Fact]
    public void Later_steps_take_the_clients_times_over_the_earliest_day_in_their_window()
    {
        // On the window's first day Ava is busy 10:00–12:00, so her earliest start there is 12:00, outside 10:00–11:00.
        var calendar = Calendar(London, [Busy(Ava, London, Tuesday.PlusDays(10), 10, 12)]);

        var best = AvailabilityEngine.Propose(calendar, Plan(Tuesday, Between(10, 0, 11, 0)))[0];

        best.Sessions[1].LocalStart.ShouldBe(Tuesday.PlusDays(11).At(new LocalTime(10, 0)));
        best.Sessions[1].PractitionerId.ShouldBe(Ava);
        best.Penalty.ShouldBe(0);
    }

    [Fact]
    public void When_step_0s_practitioner_cannot_do_a_step_another_does_it_and_each_change_costs()
    {
        // Ava is off for all of session 2's window after a Tuesday start: Ben takes session 2, Ava the rest.
        Guid[] expected = [Ava, Ben, Ava, Ava];
        var calendar = Calendar(London, [.. Enumerable.Range(10, 5).Select(d => DayOff(Ava, London, Tuesday.PlusDays(d)))]);

        var schedules = AvailabilityEngine.Propose(calendar, Plan(Tuesday, maxResults: 50));

        var tuesday = schedules.Single(s => s.Sessions[0].LocalStart.Date == Tuesday);
        tuesday.Sessions.Select(s => s.PractitionerId).ShouldBe(expected);
        tuesday.SamePractitioner.ShouldBeFalse();
        tuesday.Penalty.ShouldBe(2 * AvailabilityEngine.PenaltyPractitionerChange);
        schedules[0].Penalty.ShouldBe(1);
    }

    [Fact]
    public void Opening_intervals_that_touch_off_the_grid_are_one_stretch()
    {
        // Rounded one by one, 08:53–11:16 and 11:16–17:00 would lose 11:15–11:30 and no 4-hour session would fit.
        var calendar = Calendar(London) with
        {
            OpeningHours =
            [
                new OpeningInterval(IsoDayOfWeek.Tuesday, new LocalTime(8, 53), new LocalTime(11, 16)),
                new OpeningInterval(IsoDayOfWeek.Tuesday, new LocalTime(11, 16), new LocalTime(17, 0)),
            ],
        };

        var session = AvailabilityEngine.Propose(calendar, Single(Tuesday, Tuesday, 240, startMinutes: 30))[0].Sessions[0];

        session.LocalStart.TimeOfDay.ShouldBe(new LocalTime(9, 0));
        AvailabilityEngine.Check(calendar, [session], SchedulingSettings.Default).ShouldBeEmpty();
    }

    [Fact]
    public void A_block_as_long_as_the_opening_fits_only_at_opening()
    {
        var calendar = Calendar(London) with { OpeningHours = [new OpeningInterval(IsoDayOfWeek.Tuesday, new LocalTime(8, 0), new LocalTime(20, 0))] };

        var schedules = AvailabilityEngine.Propose(calendar, Single(Tuesday, Tuesday, 690, bufferMinutes: 30));

        schedules.Select(s => s.Sessions[0].LocalStart.TimeOfDay).ShouldBe([new LocalTime(8, 0)]); // Ben's hours are shorter
        AvailabilityEngine.Propose(calendar, Single(Tuesday, Tuesday, 690, bufferMinutes: 45)).ShouldBeEmpty();
    }

    [Fact]
    public void The_client_is_never_double_booked_and_nothing_starts_before_not_before()
    {
        var request = Single(Tuesday, Tuesday, 60) with
        {
            NotBefore = At(London, Tuesday, 9, 30),
            ClientBusy = [new BusyInterval(Guid.Empty, At(London, Tuesday, 10, 0), At(London, Tuesday, 11, 15))],
        };

        var session = AvailabilityEngine.Propose(Calendar(London), request)[0].Sessions[0];

        // 09:30 would run into the client's 10:00 appointment; 11:15 is the first start after it.
        session.LocalStart.TimeOfDay.ShouldBe(new LocalTime(11, 15));
    }

    [Fact]
    public void A_step_can_be_bounded_absolutely_when_one_session_of_a_booked_plan_moves()
    {
        var step = new PlanStep(ServiceKind.FollowUpSession, Duration.FromHours(3), Duration.FromMinutes(30), NotBefore: Tuesday.PlusDays(3), NotAfter: Tuesday.PlusDays(4));
        var request = Single(Tuesday, Tuesday.PlusDays(20), 60) with { Steps = [step] };

        var schedules = AvailabilityEngine.Propose(Calendar(London), request);

        schedules.Select(s => s.Sessions[0].LocalStart.Date).Distinct().ShouldBe([Tuesday.PlusDays(3), Tuesday.PlusDays(4)]);
        schedules[0].Penalty.ShouldBe(3);
    }

    [Fact]
    public void A_later_step_without_a_window_runs_up_to_its_not_after_day()
    {
        var steps = SchedulingSettings.Default.PlanSteps(2, healedReview: false);
        var request = Plan(Tuesday) with { Steps = [steps[0], steps[1] with { AfterPrevious = null, NotAfter = Tuesday.PlusDays(1) }] };

        var best = AvailabilityEngine.Propose(Calendar(London), request)[0];

        // Nothing stops both the same day but the practitioner, room and client: session 2 follows session 1 on Tuesday.
        best.Sessions[1].LocalStart.ShouldBe(Tuesday.At(new LocalTime(13, 30)));
        best.Sessions[1].RoomId.ShouldBe(Room1);
    }

    [Fact]
    public void Malformed_requests_throw()
    {
        Should.Throw<ArgumentException>(() => AvailabilityEngine.Propose(Calendar(London), Plan(Tuesday) with { StartInterval = Duration.FromMinutes(10) }));
        Should.Throw<ArgumentException>(() => AvailabilityEngine.Propose(Calendar(London), Plan(Tuesday) with { Steps = [] }));
        var noWindow = Plan(Tuesday) with { Steps = [.. Plan(Tuesday).Steps.Select(s => s with { AfterPrevious = null })] };
        Should.Throw<ArgumentException>(() => AvailabilityEngine.Propose(Calendar(London), noWindow));
        var backwards = Calendar(London) with { OpeningHours = [new OpeningInterval(IsoDayOfWeek.Monday, new LocalTime(18, 0), new LocalTime(9, 0))] };
        Should.Throw<ArgumentException>(() => AvailabilityEngine.Propose(backwards, Plan(Tuesday)));
        Should.Throw<ArgumentException>(() => AvailabilityEngine.Propose(Calendar(London), Plan(Tuesday, lastDay: Tuesday.PlusYears(5))));
    }
}

using NodaTime;
using Stipple.Core.Scheduling;

namespace Stipple.Core.Tests.Scheduling;

/// <summary>
/// Random studios and plans (seeded, so failures reproduce) around daylight-saving changes: every proposal passes the
/// exact <see cref="AvailabilityEngine.Check"/>, keeps its windows and the client's time, is ranked as documented, and
/// comes back the same twice. One-step requests are compared with a brute force over every local start.
/// </summary>
public sealed class ProposePropertyTests
{
    [Fact]
    public void Every_proposal_is_valid_windowed_ranked_and_deterministic()
    {
        var random = new Random(20260329);
        var generator = new RandomScheduling(random);
        var proposals = 0;
        for (var i = 0; i < 600; i++)
        {
            var (calendar, near) = generator.Calendar();
            var request = generator.Request(calendar, near, random.Next(1, 5), oddLengths: true);

            var schedules = AvailabilityEngine.Propose(calendar, request);

            Verify(calendar, request, schedules, $"case {i}");
            var again = AvailabilityEngine.Propose(calendar, request);
            again.Count.ShouldBe(schedules.Count);
            for (var k = 0; k < schedules.Count; k++)
            {
                (again[k].Penalty == schedules[k].Penalty && again[k].Sessions.SequenceEqual(schedules[k].Sessions)).ShouldBeTrue($"case {i}: deterministic");
            }

            proposals += schedules.Count;
        }

        proposals.ShouldBeGreaterThan(600, "enough cases find schedules to mean something");
    }

    [Fact]
    public void One_step_requests_match_a_brute_force_over_every_local_start()
    {
        var random = new Random(1031);
        var generator = new RandomScheduling(random);
        var nonEmpty = 0;
        for (var i = 0; i < 150; i++)
        {
            var (calendar, near) = generator.Calendar();
            var request = generator.Request(calendar, near, steps: 1, oddLengths: false);

            var actual = AvailabilityEngine.Propose(calendar, request)
                .Select(s => (s.Penalty, s.Sessions[0].Start, s.Sessions[0].PractitionerId, s.Sessions[0].RoomId));
            var expected = BruteForce(calendar, request);

            actual.ShouldBe(expected, $"case {i}");
            nonEmpty += expected.Count > 0 ? 1 : 0;
        }

        nonEmpty.ShouldBeGreaterThan(75);
    }

    [Fact]
    public void The_last_step_is_the_best_placement_its_window_allows()
    {
        // Greedy order for a later step: step 0's practitioner, then the previous step's, then anyone; then the
        // weekday and time penalty; then the earliest start; then the previous room, else the first free room. For the
        // last step nothing later can dead-end, so the brute force over its window must agree exactly.
        var random = new Random(4);
        var generator = new RandomScheduling(random);
        var compared = 0;
        for (var i = 0; i < 150; i++)
        {
            var (calendar, near) = generator.Calendar();
            var request = generator.Request(calendar, near, random.Next(2, 4), oddLengths: false) with { StartInterval = Duration.FromMinutes(60) };
            foreach (var schedule in AvailabilityEngine.Propose(calendar, request).Take(2))
            {
                var sessions = schedule.Sessions;
                var last = sessions[^1];
                BestLast(calendar, request, sessions).ShouldBe((last.Start, last.PractitionerId, last.RoomId), $"case {i}");
                compared++;
            }
        }

        compared.ShouldBeGreaterThan(100);
    }

    private static void Verify(StudioCalendar calendar, ScheduleRequest request, IReadOnlyList<ProposedSchedule> schedules, string name)
    {
        // Plain comparisons with messages: Shouldly's expression-based messages would dominate the run time.
        var settings = SchedulingSettings.Default with { StartIntervalMinutes = (int)request.StartInterval.TotalMinutes };
        (schedules.Count <= request.MaxResults).ShouldBeTrue(name);
        for (var k = 0; k < schedules.Count; k++)
        {
            var schedule = schedules[k];
            var sessions = schedule.Sessions;
            var issues = AvailabilityEngine.Check(calendar, sessions, settings);
            issues.Count.ShouldBe(0, $"{name}, schedule {k}: {string.Join("; ", issues.Select(x => $"{x.Field} {x.Message}"))}");
            sessions.Count.ShouldBe(request.Steps.Count, name);
            var days = sessions.Select(s => s.LocalStart.Date).ToArray();
            (days[0] >= request.FirstDay && days[0] <= request.LastDay).ShouldBeTrue($"{name}: first day in range");
            for (var s = 0; s < sessions.Count; s++)
            {
                var step = request.Steps[s];
                var session = sessions[s];
                (session.StepIndex == s && session.Kind == step.Kind).ShouldBeTrue(name);
                (session.End - session.Start == step.Length && session.BlockedUntil - session.End == step.Buffer).ShouldBeTrue($"{name}: exact lengths");
                (session.LocalStart == session.Start.InZone(calendar.Zone).LocalDateTime).ShouldBeTrue(name);
                (session.Start >= request.NotBefore).ShouldBeTrue($"{name}: not before");
                request.ClientBusy.Any(b => b.Start < session.End && session.Start < b.End).ShouldBeFalse($"{name}: client double-booked");
                calendar.Busy.Any(b => (b.ResourceId == session.PractitionerId || b.ResourceId == session.RoomId) && b.Start < session.BlockedUntil && session.Start < b.End)
                    .ShouldBeFalse($"{name}: busy time overlapped");
                if (s > 0)
                {
                    step.AfterPrevious!.Value.Contains(Period.DaysBetween(days[s - 1], days[s])).ShouldBeTrue($"{name}: step {s} in its window");
                }

                for (var j = 0; j < s; j++)
                {
                    var other = sessions[j];
                    var overlap = other.Start < session.BlockedUntil && session.Start < other.BlockedUntil;
                    (overlap && (other.PractitionerId == session.PractitionerId || other.RoomId == session.RoomId)).ShouldBeFalse($"{name}: steps collide");
                }
            }

            schedule.Penalty.ShouldBe(Penalty(request, sessions), name);
            if (k > 0)
            {
                var previous = schedules[k - 1];
                (previous.Penalty < schedule.Penalty || (previous.Penalty == schedule.Penalty && previous.Sessions[0].Start <= schedule.Sessions[0].Start))
                    .ShouldBeTrue($"{name}: sorted");
            }
        }

        schedules.Select(s => (s.Sessions[0].LocalStart.Date, s.Sessions[0].PractitionerId)).Distinct().Count().ShouldBe(schedules.Count, $"{name}: one per day and practitioner");
    }

    /// <summary>The greedy's choice for the last step, by brute force over every local start in its window.</summary>
    private static (Instant Start, Guid PractitionerId, Guid RoomId)? BestLast(StudioCalendar calendar, ScheduleRequest request, IReadOnlyList<PlacedSession> sessions)
    {
        var s = sessions.Count - 1;
        var step = request.Steps[s];
        var before = sessions.Take(s).ToList();
        var previous = sessions[s - 1];
        var window = step.AfterPrevious!.Value;
        var settings = SchedulingSettings.Default with { StartIntervalMinutes = 60 };
        var practitioners = calendar.Practitioners.Select(p => p.Id).ToList();
        (int Category, int Penalty, Instant Start, int Practitioner, Guid Room)? best = null;
        for (var day = previous.LocalStart.Date.PlusDays(window.MinDays); day <= previous.LocalStart.Date.PlusDays(window.MaxDays); day = day.PlusDays(1))
        {
            for (var hour = 0; hour < 24; hour++)
            {
                var local = day.At(new LocalTime(hour, 0));
                var mapping = calendar.Zone.MapLocal(local);
                for (var m = 0; m < mapping.Count; m++)
                {
                    var start = (m == 0 ? mapping.First() : mapping.Last()).ToInstant();
                    if (start < request.NotBefore || request.ClientBusy.Any(b => b.Start < start + step.Length && start < b.End))
                    {
                        continue;
                    }

                    for (var p = 0; p < practitioners.Count; p++)
                    {
                        var category = practitioners[p] == sessions[0].PractitionerId ? 0 : practitioners[p] == previous.PractitionerId ? 1 : 2;
                        var penalty = StepPenalty(request.Preferences, local);
                        var key = (category, penalty, start, p);
                        if (best is { } b && key.CompareTo((b.Category, b.Penalty, b.Start, b.Practitioner)) >= 0)
                        {
                            continue;
                        }

                        var rooms = calendar.RoomIds.Where(r => r == previous.RoomId).Concat(calendar.RoomIds.Where(r => r != previous.RoomId));
                        foreach (var room in rooms)
                        {
                            var candidate = new PlacedSession(s, step.Kind, practitioners[p], room, local, start, start + step.Length, start + step.Length + step.Buffer);
                            if (AvailabilityEngine.Check(calendar, [.. before, candidate], settings).Count == 0)
                            {
                                best = (category, penalty, start, p, room);
                                break;
                            }
                        }
                    }
                }
            }
        }

        return best is { } found ? (found.Start, practitioners[found.Practitioner], found.Room) : null;
    }

    /// <summary>The documented penalty, recomputed from a schedule.</summary>
    private static int Penalty(ScheduleRequest request, IReadOnlyList<PlacedSession> sessions)
    {
        var preferences = request.Preferences;
        var penalty = Period.DaysBetween(request.FirstDay, sessions[0].LocalStart.Date) * AvailabilityEngine.PenaltyPerDay;
        if (preferences.PractitionerId is { } preferred && sessions[0].PractitionerId != preferred)
        {
            penalty += AvailabilityEngine.PenaltyNotPreferredPractitioner;
        }

        for (var s = 0; s < sessions.Count; s++)
        {
            penalty += StepPenalty(preferences, sessions[s].LocalStart);
            if (s > 0 && sessions[s].PractitionerId != sessions[s - 1].PractitionerId)
            {
                penalty += AvailabilityEngine.PenaltyPractitionerChange;
            }
        }

        return penalty;
    }

    private static int StepPenalty(SchedulePreferences preferences, LocalDateTime start)
    {
        var penalty = preferences.Weekdays.Count > 0 && !preferences.Weekdays.Contains(start.DayOfWeek) ? AvailabilityEngine.PenaltyOffPreferredWeekday : 0;
        var time = start.TimeOfDay;
        return penalty + ((preferences.EarliestStart is { } e && time < e) || (preferences.LatestStart is { } l && time > l) ? AvailabilityEngine.PenaltyOutsidePreferredTime : 0);
    }

    /// <summary>
    /// Every local start on the grid of every day, every practitioner, rooms in order, judged by Check, the client's
    /// time and NotBefore; the best per (day, practitioner), ranked by penalty, start, practitioner and room.
    /// </summary>
    private static List<(int Penalty, Instant Start, Guid PractitionerId, Guid RoomId)> BruteForce(StudioCalendar calendar, ScheduleRequest request)
    {
        var step = request.Steps[0];
        var settings = SchedulingSettings.Default with { StartIntervalMinutes = (int)request.StartInterval.TotalMinutes };
        var found = new List<(int Penalty, Instant Start, int Practitioner, int Room)>();
        for (var day = request.FirstDay; day <= request.LastDay; day = day.PlusDays(1))
        {
            for (var p = 0; p < calendar.Practitioners.Count; p++)
            {
                (int Penalty, Instant Start, int Practitioner, int Room)? best = null;
                for (var minute = 0L; minute < 24 * 60; minute += (long)request.StartInterval.TotalMinutes)
                {
                    var local = day.AtMidnight().PlusMinutes(minute);
                    var mapping = calendar.Zone.MapLocal(local);
                    Instant[] starts = mapping.Count switch
                    {
                        0 => [],
                        1 => [mapping.First().ToInstant()],
                        _ => [mapping.First().ToInstant(), mapping.Last().ToInstant()],
                    };
                    foreach (var start in starts)
                    {
                        if (start < request.NotBefore || request.ClientBusy.Any(b => b.Start < start + step.Length && start < b.End))
                        {
                            continue;
                        }

                        for (var r = 0; r < calendar.RoomIds.Count; r++)
                        {
                            var session = new PlacedSession(0, step.Kind, calendar.Practitioners[p].Id, calendar.RoomIds[r], local, start, start + step.Length, start + step.Length + step.Buffer);
                            if (AvailabilityEngine.Check(calendar, [session], settings).Count > 0)
                            {
                                continue;
                            }

                            var penalty = Penalty(request, [session]);
                            if (best is null || penalty < best.Value.Penalty || (penalty == best.Value.Penalty && start < best.Value.Start))
                            {
                                best = (penalty, start, p, r);
                            }

                            break;
                        }
                    }
                }

                if (best is { } b)
                {
                    found.Add(b);
                }
            }
        }

        return [.. found
            .OrderBy(f => f.Penalty).ThenBy(f => f.Start).ThenBy(f => f.Practitioner).ThenBy(f => f.Room)
            .Take(request.MaxResults)
            .Select(f => (f.Penalty, f.Start, calendar.Practitioners[f.Practitioner].Id, calendar.RoomIds[f.Room]))];
    }
}

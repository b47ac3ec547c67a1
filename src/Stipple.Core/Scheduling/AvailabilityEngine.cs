using NodaTime;

namespace Stipple.Core.Scheduling;

/// <summary>
/// Proposes complete schedules for a plan and checks schedules a person chose. Pure and deterministic: no clock reads,
/// no I/O; the same calendar and request give the same schedules.
/// </summary>
/// <remarks>
/// <para>
/// <b>Valid placement.</b> Step <c>s</c> at instant <c>t</c> with practitioner <c>p</c> and room <c>r</c> is valid when
/// [t, t + Length + Buffer) lies inside the studio's open time and p's working time on a local day that is not a
/// closure — the cleanup buffer must fit before closing too, because cleanup is staff time in an open studio; no busy
/// interval of p or r overlaps it; none of the client's other appointments overlaps [t, t + Length); t is not before
/// <see cref="ScheduleRequest.NotBefore"/>; t's local wall time is a multiple of <see cref="ScheduleRequest.StartInterval"/>
/// after local midnight; and its local day is in FirstDay..LastDay (step 0) or inside the step's
/// <see cref="PlanStep.AfterPrevious"/> window counted in local calendar days from the step before, and inside the
/// step's own NotBefore..NotAfter. A later step without a window needs a NotAfter: it may then fall on any day from the
/// previous step's day up to it.
/// </para>
/// <para>
/// <b>Daylight saving.</b> Durations are elapsed time (a 4 h session is 4 real hours, even on a 23-hour day); starts are
/// on the local wall-clock grid (10:00 stays 10:00 local, so its UTC instant moves by the change); windows count local
/// days. Opening hours become instants per local day: a skipped local time maps forward by the gap, an ambiguous one
/// takes the earlier instant for an opening and the later for a closing (see <see cref="OpeningHours"/>).
/// </para>
/// <para>
/// <b>Ranking.</b> A schedule's <see cref="ProposedSchedule.Penalty"/> (lower is better) adds
/// <see cref="PenaltyPerDay"/> per local day from FirstDay to step 0's day, <see cref="PenaltyOffPreferredWeekday"/> per
/// step on a weekday the client did not ask for (when they named any), <see cref="PenaltyOutsidePreferredTime"/> per step
/// starting outside their preferred times of day, <see cref="PenaltyPractitionerChange"/> per change of practitioner
/// between consecutive steps, and <see cref="PenaltyNotPreferredPractitioner"/> when step 0 is not with the practitioner
/// they asked for. Ties go to the earlier step-0 start, then the practitioner and room listed first. At most one schedule
/// comes back per (step-0 local day, step-0 practitioner).
/// </para>
/// <para>
/// <b>Search.</b> Free time becomes bitmaps of 15-minute slots (<see cref="AvailabilityGrid"/>); for each step-0 day and
/// practitioner, step 0 takes that day's best start (inside the preferred times, else earliest) and each later step is
/// placed greedily in its window: step 0's practitioner if possible, else the previous step's, else anyone; then the
/// lowest preference penalty; then the earliest start. Each step takes the previous step's room when free, else the
/// first free room (<see cref="PlanSearch"/>).
/// </para>
/// </remarks>
public static class AvailabilityEngine
{
    /// <summary>Penalty per local day between the request's FirstDay and step 0's day: sooner is better.</summary>
    public const int PenaltyPerDay = 1;

    /// <summary>Penalty per step on a weekday outside <see cref="SchedulePreferences.Weekdays"/> (when it names any).</summary>
    public const int PenaltyOffPreferredWeekday = 3;

    /// <summary>Penalty per step whose local start is outside [EarliestStart, LatestStart] (when either is set).</summary>
    public const int PenaltyOutsidePreferredTime = 2;

    /// <summary>Penalty per change of practitioner between consecutive steps: one artist through a plan keeps the design consistent.</summary>
    public const int PenaltyPractitionerChange = 5;

    /// <summary>Penalty when <see cref="SchedulePreferences.PractitionerId"/> is set and step 0 is with someone else.</summary>
    public const int PenaltyNotPreferredPractitioner = 5;

    /// <summary>
    /// The most local days one search covers, from the first step's first day to the last step's last possible day
    /// (a year of first days plus the windows of a long plan); a longer request is refused rather than using unbounded memory.
    /// </summary>
    public const int MaxSearchDays = 1100;

    /// <summary>Complete schedules for <paramref name="request"/>, best first; empty when none fits.</summary>
    /// <exception cref="ArgumentException">
    /// A step has a non-positive length or negative buffer, a later step has neither a window nor a NotAfter, the start
    /// interval is not a positive multiple of 15 minutes, an opening interval does not close after it opens, or the
    /// request spans more than <see cref="MaxSearchDays"/> days.
    /// </exception>
    public static IReadOnlyList<ProposedSchedule> Propose(StudioCalendar calendar, ScheduleRequest request)
    {
        Validate(calendar, request);
        if (request.MaxResults <= 0 || calendar.Practitioners.Count == 0 || calendar.RoomIds.Count == 0)
        {
            return [];
        }

        var plan = StepPlanner.Plan(request, calendar.Zone);
        if (plan is null)
        {
            return [];
        }

        List<RankedPlan> ranked;
        using (var grid = new AvailabilityGrid(calendar, request, plan.Timeline, plan.Shapes))
        using (var search = new PlanSearch(calendar, request, plan, grid))
        {
            ranked = search.Run(request.MaxResults);
        }

        var schedules = new ProposedSchedule[ranked.Count];
        for (var i = 0; i < ranked.Count; i++)
        {
            var sessions = new PlacedSession[request.Steps.Count];
            for (var s = 0; s < sessions.Length; s++)
            {
                var step = request.Steps[s];
                var placement = ranked[i].Steps[s];
                var start = plan.Timeline.InstantOf(placement.Slot);
                sessions[s] = new PlacedSession(
                    s,
                    step.Kind,
                    calendar.Practitioners[placement.Practitioner].Id,
                    calendar.RoomIds[placement.Room],
                    start.InZone(calendar.Zone).LocalDateTime,
                    start,
                    start + step.Length,
                    start + step.Length + step.Buffer);
            }

            schedules[i] = new ProposedSchedule(sessions, ranked[i].Penalty);
        }

        return schedules;
    }

    /// <summary>
    /// Why <paramref name="sessions"/> cannot be booked as given (outside opening or working hours, on a closure, in time
    /// off or busy time, overlapping each other, not on the start grid, spacing below the hard minimum), each naming
    /// <c>sessions[i].start</c>; empty when every session fits. Busy time of the appointments being moved must be left out
    /// of the calendar. Spacing uses the hard minimums (<see cref="SchedulingSettings.MinDaysBetweenSessions"/>,
    /// <see cref="SchedulingSettings.HealedReviewMinDays"/>), not the proposal windows: a front desk may book outside those.
    /// Exact instants, no rounding to the grid. The client's other appointments are not known here.
    /// </summary>
    public static IReadOnlyList<SchedulingIssue> Check(StudioCalendar calendar, IReadOnlyList<PlacedSession> sessions, SchedulingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.StartIntervalMinutes, nameof(settings));
        ValidateCalendar(calendar);
        return ScheduleChecker.Check(calendar, sessions, settings);
    }

    private static void Validate(StudioCalendar calendar, ScheduleRequest request)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(request);
        ValidateCalendar(calendar);
        ArgumentNullException.ThrowIfNull(request.Steps, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Preferences, nameof(request));
        ArgumentNullException.ThrowIfNull(request.ClientBusy, nameof(request));
        var grid = Duration.FromMinutes(SchedulingSettings.GridMinutes);
        if (request.StartInterval <= Duration.Zero || request.StartInterval > Duration.FromDays(1)
            || request.StartInterval.ToInt64Nanoseconds() % grid.ToInt64Nanoseconds() != 0)
        {
            throw new ArgumentException("StartInterval must be a positive multiple of 15 minutes, at most a day", nameof(request));
        }

        if (request.Steps.Count == 0)
        {
            throw new ArgumentException("a request needs at least one step", nameof(request));
        }

        for (var s = 0; s < request.Steps.Count; s++)
        {
            var step = request.Steps[s];
            ArgumentNullException.ThrowIfNull(step, nameof(request));
            if (step.Length <= Duration.Zero || step.Buffer < Duration.Zero || step.Length + step.Buffer > Duration.FromDays(1))
            {
                throw new ArgumentException($"step {s} needs a positive length and a non-negative buffer, together at most a day", nameof(request));
            }

            if (s > 0 && step.AfterPrevious is null && step.NotAfter is null)
            {
                throw new ArgumentException($"step {s} needs a window after the step before it or a NotAfter day", nameof(request));
            }
        }
    }

    private static void ValidateCalendar(StudioCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar.Zone, nameof(calendar));
        ArgumentNullException.ThrowIfNull(calendar.Closures, nameof(calendar));
        ArgumentNullException.ThrowIfNull(calendar.Practitioners, nameof(calendar));
        ArgumentNullException.ThrowIfNull(calendar.RoomIds, nameof(calendar));
        ArgumentNullException.ThrowIfNull(calendar.Busy, nameof(calendar));
        OpeningHours.Validate(calendar.OpeningHours, nameof(calendar));
        foreach (var practitioner in calendar.Practitioners)
        {
            ArgumentNullException.ThrowIfNull(practitioner, nameof(calendar));
            OpeningHours.Validate(practitioner.Hours, nameof(calendar));
        }
    }
}

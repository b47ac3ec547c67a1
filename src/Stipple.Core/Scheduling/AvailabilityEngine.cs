namespace Stipple.Core.Scheduling;

/// <summary>
/// Proposes complete schedules for a plan (contract; the implementation follows). Pure and deterministic: the same
/// calendar and request give the same schedules.
/// </summary>
public static class AvailabilityEngine
{
    /// <summary>Complete schedules for <paramref name="request"/>, best first; empty when none fits.</summary>
    public static IReadOnlyList<ProposedSchedule> Propose(StudioCalendar calendar, ScheduleRequest request) =>
        throw new NotSupportedException("not built yet");

    /// <summary>
    /// Why <paramref name="sessions"/> cannot be booked as given (outside opening or working hours, on a closure, in time
    /// off or busy time, not on the start grid, spacing below the hard minimum), each naming <c>sessions[i].start</c>;
    /// empty when every session fits. Busy time of the appointments being moved must be left out of the calendar.
    /// </summary>
    public static IReadOnlyList<SchedulingIssue> Check(StudioCalendar calendar, IReadOnlyList<PlacedSession> sessions, SchedulingSettings settings) =>
        throw new NotSupportedException("not built yet");
}

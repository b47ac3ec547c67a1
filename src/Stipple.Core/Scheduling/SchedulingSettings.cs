using System.Globalization;
using NodaTime;

namespace Stipple.Core.Scheduling;

/// <summary>
/// The booking rules a studio may change, with the defaults of smp-facts §6 and §13.4. Immutable; check a studio's
/// values with <see cref="Validate"/> before saving them. Lengths and buffers are whole minutes on a 15-minute grid;
/// day windows are local calendar days.
/// </summary>
public sealed record SchedulingSettings
{
    /// <summary>The grid every length, buffer and start lies on (minutes). All current IANA offsets are multiples of it.</summary>
    public const int GridMinutes = 15;

    /// <summary>Sessions may never be closer than this many days (smp-facts §6.2: the shortest value found is 7).</summary>
    public const int HardMinDaysBetweenSessions = 7;

    /// <summary>A healed review may never be earlier than this many days after the last session (smp-facts §6.2).</summary>
    public const int HardMinHealedReviewDays = 21;

    /// <summary>The defaults of smp-facts §13.4.</summary>
    public static SchedulingSettings Default { get; } = new();

    /// <summary>Consultation length in minutes; default 30.</summary>
    public int ConsultationMinutes { get; init; } = 30;

    /// <summary>Session 1 length in minutes; default 240 (clinics block 4–6 h, smp-facts §6.3).</summary>
    public int FirstSessionMinutes { get; init; } = 240;

    /// <summary>Sessions 2 and later, in minutes; default 180.</summary>
    public int FollowUpSessionMinutes { get; init; } = 180;

    /// <summary>Touch-up length in minutes; default 90 (1–2 h, smp-facts §6.3).</summary>
    public int TouchUpMinutes { get; init; } = 90;

    /// <summary>Healed review length in minutes; default 30.</summary>
    public int HealedReviewMinutes { get; init; } = 30;

    /// <summary>Cleanup after every appointment, in minutes, when practitioner and room stay busy; default 30.</summary>
    public int CleanupBufferMinutes { get; init; } = 30;

    /// <summary>The hard minimum between sessions of a plan in days; 7–60, default 7. Never below 7.</summary>
    public int MinDaysBetweenSessions { get; init; } = HardMinDaysBetweenSessions;

    /// <summary>
    /// Default windows proposals use between consecutive sessions: [0] session 1→2 (default 10–14 days), [1] 2→3
    /// (default 14–28); the last window also applies to any later session (a 4th).
    /// </summary>
    public IReadOnlyList<DayWindow> SessionGaps { get; init; } = [new(10, 14), new(14, 28)];

    /// <summary>The healed review's hard minimum after the last session, in days; 21–90, default 21.</summary>
    public int HealedReviewMinDays { get; init; } = HardMinHealedReviewDays;

    /// <summary>The window proposals use for the healed review after the last session; default 30–42 days.</summary>
    public DayWindow HealedReviewWindow { get; init; } = new(30, 42);

    /// <summary>Appointments start on multiples of this many minutes after local midnight: 15, 30 or 60; default 30.</summary>
    public int StartIntervalMinutes { get; init; } = 30;

    /// <summary>How far ahead proposals look, in days; 14–366, default 180.</summary>
    public int HorizonDays { get; init; } = 180;

    /// <summary>Reminders go this many hours before an appointment; 1–4 distinct values of 1–336, default 48 and 2.</summary>
    public IReadOnlyList<int> ReminderHoursBefore { get; init; } = [48, 2];

    /// <summary>A reschedule with less notice than this (hours) is late under the studio's policy; 0–336, default 72.</summary>
    public int RescheduleNoticeHours { get; init; } = 72;

    /// <summary>A cancellation with less notice than this (hours) is late under the studio's policy; 0–336, default 48.</summary>
    public int CancelNoticeHours { get; init; } = 48;

    /// <summary>The client's time in the chair for <paramref name="kind"/>.</summary>
    public Duration LengthOf(ServiceKind kind) => Duration.FromMinutes(kind switch
    {
        ServiceKind.Consultation => ConsultationMinutes,
        ServiceKind.FirstSession => FirstSessionMinutes,
        ServiceKind.FollowUpSession => FollowUpSessionMinutes,
        ServiceKind.TouchUp => TouchUpMinutes,
        ServiceKind.HealedReview => HealedReviewMinutes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown service kind"),
    });

    /// <summary>The cleanup buffer after every appointment.</summary>
    public Duration Buffer => Duration.FromMinutes(CleanupBufferMinutes);

    /// <summary>
    /// The hard minimum, in local days, between an SMP session and a later appointment of <paramref name="kind"/>:
    /// <see cref="HealedReviewMinDays"/> for the healed review, <see cref="MinDaysBetweenSessions"/> otherwise.
    /// </summary>
    public int MinDaysAfterSession(ServiceKind kind) => kind == ServiceKind.HealedReview ? HealedReviewMinDays : MinDaysBetweenSessions;

    /// <summary>Proposal window before session <paramref name="number"/> (2 or later), from the session before it.</summary>
    public DayWindow GapBefore(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 2);
        return SessionGaps[Math.Min(number - 2, SessionGaps.Count - 1)];
    }

    /// <summary>
    /// The steps of a treatment plan: <paramref name="sessions"/> sessions (the first <see cref="ServiceKind.FirstSession"/>,
    /// the rest <see cref="ServiceKind.FollowUpSession"/>) spaced by <see cref="SessionGaps"/>, then the healed review when
    /// <paramref name="healedReview"/>.
    /// </summary>
    public IReadOnlyList<PlanStep> PlanSteps(int sessions, bool healedReview)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, 1);
        var steps = new List<PlanStep>(sessions + 1)
        {
            new(ServiceKind.FirstSession, LengthOf(ServiceKind.FirstSession), Buffer),
        };
        for (var n = 2; n <= sessions; n++)
        {
            steps.Add(new(ServiceKind.FollowUpSession, LengthOf(ServiceKind.FollowUpSession), Buffer, GapBefore(n)));
        }

        if (healedReview)
        {
            steps.Add(new(ServiceKind.HealedReview, LengthOf(ServiceKind.HealedReview), Buffer, HealedReviewWindow));
        }

        return steps;
    }

    /// <summary>The problems with these settings, each naming its camelCase field; empty when valid.</summary>
    public IReadOnlyList<SchedulingIssue> Validate()
    {
        var issues = new List<SchedulingIssue>();
        Minutes(issues, "consultationMinutes", ConsultationMinutes, 15, 480);
        Minutes(issues, "firstSessionMinutes", FirstSessionMinutes, 30, 720);
        Minutes(issues, "followUpSessionMinutes", FollowUpSessionMinutes, 30, 720);
        Minutes(issues, "touchUpMinutes", TouchUpMinutes, 15, 480);
        Minutes(issues, "healedReviewMinutes", HealedReviewMinutes, 15, 240);
        Minutes(issues, "cleanupBufferMinutes", CleanupBufferMinutes, 0, 120);
        if (MinDaysBetweenSessions < HardMinDaysBetweenSessions)
        {
            issues.Add(new("minDaysBetweenSessions", "must be at least 7 days: skin needs a week to heal between sessions (smp-facts §6.2)"));
        }
        else
        {
            Range(issues, "minDaysBetweenSessions", MinDaysBetweenSessions, HardMinDaysBetweenSessions, 60, "days");
        }

        if (SessionGaps is null || SessionGaps.Count is < 1 or > 3)
        {
            issues.Add(new("sessionGaps", "needs one to three windows (session 1→2, 2→3, and later)"));
        }
        else
        {
            for (var i = 0; i < SessionGaps.Count; i++)
            {
                Window(issues, $"sessionGaps[{i}]", SessionGaps[i], MinDaysBetweenSessions, 90, "the minimum between sessions");
            }
        }

        if (HealedReviewMinDays < HardMinHealedReviewDays)
        {
            issues.Add(new("healedReviewMinDays", "must be at least 21 days: the skin must have healed (smp-facts §6.2)"));
        }
        else
        {
            Range(issues, "healedReviewMinDays", HealedReviewMinDays, HardMinHealedReviewDays, 90, "days");
        }

        Window(issues, "healedReviewWindow", HealedReviewWindow, HealedReviewMinDays, 120, "the healed review's minimum");
        if (StartIntervalMinutes is not (15 or 30 or 60))
        {
            issues.Add(new("startIntervalMinutes", "must be 15, 30 or 60 minutes"));
        }

        Range(issues, "horizonDays", HorizonDays, 14, 366, "days");
        if (ReminderHoursBefore is null || ReminderHoursBefore.Count > 4)
        {
            issues.Add(new("reminderHoursBefore", "takes at most four reminder times"));
        }
        else
        {
            for (var i = 0; i < ReminderHoursBefore.Count; i++)
            {
                Range(issues, $"reminderHoursBefore[{i}]", ReminderHoursBefore[i], 1, 336, "hours");
            }

            if (ReminderHoursBefore.Distinct().Count() != ReminderHoursBefore.Count)
            {
                issues.Add(new("reminderHoursBefore", "lists the same time twice"));
            }
        }

        Range(issues, "rescheduleNoticeHours", RescheduleNoticeHours, 0, 336, "hours");
        Range(issues, "cancelNoticeHours", CancelNoticeHours, 0, 336, "hours");
        return issues;
    }

    /// <summary>Value equality, with the lists compared item by item.</summary>
    public bool Equals(SchedulingSettings? other) =>
        other is not null
        && ConsultationMinutes == other.ConsultationMinutes
        && FirstSessionMinutes == other.FirstSessionMinutes
        && FollowUpSessionMinutes == other.FollowUpSessionMinutes
        && TouchUpMinutes == other.TouchUpMinutes
        && HealedReviewMinutes == other.HealedReviewMinutes
        && CleanupBufferMinutes == other.CleanupBufferMinutes
        && MinDaysBetweenSessions == other.MinDaysBetweenSessions
        && SequenceEqual(SessionGaps, other.SessionGaps)
        && HealedReviewMinDays == other.HealedReviewMinDays
        && HealedReviewWindow == other.HealedReviewWindow
        && StartIntervalMinutes == other.StartIntervalMinutes
        && HorizonDays == other.HorizonDays
        && SequenceEqual(ReminderHoursBefore, other.ReminderHoursBefore)
        && RescheduleNoticeHours == other.RescheduleNoticeHours
        && CancelNoticeHours == other.CancelNoticeHours;

    public override int GetHashCode() => HashCode.Combine(
        HashCode.Combine(ConsultationMinutes, FirstSessionMinutes, FollowUpSessionMinutes, TouchUpMinutes, HealedReviewMinutes, CleanupBufferMinutes),
        HashCode.Combine(MinDaysBetweenSessions, SessionGaps?.Count, HealedReviewMinDays, HealedReviewWindow, StartIntervalMinutes, HorizonDays),
        HashCode.Combine(ReminderHoursBefore?.Count, RescheduleNoticeHours, CancelNoticeHours));

    private static bool SequenceEqual<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    private static void Minutes(List<SchedulingIssue> issues, string field, int value, int low, int high)
    {
        if (value < low || value > high)
        {
            issues.Add(new(field, string.Create(CultureInfo.InvariantCulture, $"must be between {low} and {high} minutes")));
        }
        else if (value % GridMinutes != 0)
        {
            issues.Add(new(field, "must be a multiple of 15 minutes"));
        }
    }

    private static void Range(List<SchedulingIssue> issues, string field, int value, int low, int high, string unit)
    {
        if (value < low || value > high)
        {
            issues.Add(new(field, string.Create(CultureInfo.InvariantCulture, $"must be between {low} and {high} {unit}")));
        }
    }

    private static void Window(List<SchedulingIssue> issues, string field, DayWindow window, int floor, int ceiling, string floorName)
    {
        if (window.MinDays < floor)
        {
            issues.Add(new($"{field}.minDays", string.Create(CultureInfo.InvariantCulture, $"must be at least {floor} days ({floorName})")));
        }

        if (window.MaxDays < window.MinDays)
        {
            issues.Add(new($"{field}.maxDays", "must not be before the window's first day"));
        }
        else if (window.MaxDays > ceiling)
        {
            issues.Add(new($"{field}.maxDays", string.Create(CultureInfo.InvariantCulture, $"must be at most {ceiling} days")));
        }
    }
}

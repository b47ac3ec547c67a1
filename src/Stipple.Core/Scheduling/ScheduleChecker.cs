using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Stipple.Core.Scheduling;

/// <summary>
/// <see cref="AvailabilityEngine.Check"/>: exact instant arithmetic, no grid rounding, so it is an independent check of
/// what the bitmap search proposes.
/// </summary>
internal static class ScheduleChecker
{
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.Create("dddd d MMMM", CultureInfo.InvariantCulture);

    public static List<SchedulingIssue> Check(StudioCalendar calendar, IReadOnlyList<PlacedSession> sessions, SchedulingSettings settings)
    {
        var issues = new List<SchedulingIssue>();
        var locals = new LocalDateTime[sessions.Count];
        var days = new LocalDate[sessions.Count];
        for (var i = 0; i < sessions.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(sessions[i], nameof(sessions));
            locals[i] = sessions[i].Start.InZone(calendar.Zone).LocalDateTime;
            days[i] = locals[i].Date;
        }

        var grid = Duration.FromMinutes(settings.StartIntervalMinutes).BclCompatibleTicks;

        for (var i = 0; i < sessions.Count; i++)
        {
            var session = sessions[i];
            var field = Field(i, "start");
            if (session.End <= session.Start)
            {
                issues.Add(new(Field(i, "end"), "must be after the start"));
            }

            if (session.BlockedUntil < session.End)
            {
                issues.Add(new(Field(i, "blockedUntil"), "must not be before the end"));
            }

            var local = locals[i];
            if (session.LocalStart != local)
            {
                issues.Add(new(Field(i, "localStart"), string.Create(CultureInfo.InvariantCulture, $"does not match the start, which is {local:uuuu-MM-dd HH:mm} in {calendar.Zone.Id}")));
            }

            var practitioner = calendar.Practitioners.FirstOrDefault(p => p.Id == session.PractitionerId);
            if (practitioner is null)
            {
                issues.Add(new(Field(i, "practitionerId"), "is not a practitioner who takes bookings at this studio"));
            }

            if (!calendar.RoomIds.Contains(session.RoomId))
            {
                issues.Add(new(Field(i, "roomId"), "is not one of the studio's rooms"));
            }

            var blockedUntil = session.BlockedUntil > session.End ? session.BlockedUntil : session.End;
            if (PlaceIssue(calendar, practitioner, session.Start, blockedUntil, days[i]) is { } place)
            {
                issues.Add(new(field, place));
            }

            if (local.TimeOfDay.TickOfDay % grid != 0)
            {
                issues.Add(new(field, string.Create(CultureInfo.InvariantCulture, $"is not on the {settings.StartIntervalMinutes}-minute start grid")));
            }

            BusyIssues(issues, calendar, sessions, i, field, blockedUntil);
            if (SpacingIssue(sessions, days, i, settings) is { } spacing)
            {
                issues.Add(new(field, spacing));
            }
        }

        return issues;
    }

    private static string Field(int index, string name) => string.Create(CultureInfo.InvariantCulture, $"sessions[{index}].{name}");

    /// <summary>Closure, then studio opening hours, then the practitioner's own hours; null when the time fits all three.</summary>
    private static string? PlaceIssue(StudioCalendar calendar, PractitionerCalendar? practitioner, Instant start, Instant end, LocalDate day)
    {
        Closure? ClosureOn(LocalDate date) => calendar.Closures.FirstOrDefault(c => c.From <= date && date <= c.To);
        if (ClosureOn(day) is { } closure)
        {
            return $"falls on a closure ({closure.Reason})";
        }

        // The day before and after too: a blocked time may run past local midnight into the next day's hours.
        bool Closed(LocalDate date) => ClosureOn(date) is not null;
        var open = new List<Interval>();
        OpeningHours.AddInstants(open, calendar.OpeningHours, calendar.Zone, day.PlusDays(-1), day.PlusDays(1), Closed);
        if (!OpeningHours.Covers(open, start, end))
        {
            return $"is outside opening hours on {DayPattern.Format(day)}";
        }

        if (practitioner is { Hours.Count: > 0 })
        {
            var hours = new List<Interval>();
            OpeningHours.AddInstants(hours, practitioner.Hours, calendar.Zone, day.PlusDays(-1), day.PlusDays(1), skip: null);
            if (!OpeningHours.Covers(hours, start, end))
            {
                return $"is outside the practitioner's working hours on {DayPattern.Format(day)}";
            }
        }

        return null;
    }

    /// <summary>Busy time of the practitioner and of the room, and the other sessions given, over [start, blockedUntil).</summary>
    private static void BusyIssues(List<SchedulingIssue> issues, StudioCalendar calendar, IReadOnlyList<PlacedSession> sessions, int i, string field, Instant blockedUntil)
    {
        var session = sessions[i];
        if (calendar.Busy.Any(b => b.ResourceId == session.PractitionerId && b.Start < blockedUntil && session.Start < b.End))
        {
            issues.Add(new(field, "overlaps the practitioner's time off or another appointment"));
        }

        if (calendar.Busy.Any(b => b.ResourceId == session.RoomId && b.Start < blockedUntil && session.Start < b.End))
        {
            issues.Add(new(field, "overlaps another booking in the room"));
        }

        for (var j = 0; j < sessions.Count; j++)
        {
            var other = sessions[j];
            if (j == i || !(other.Start < blockedUntil && session.Start < Instant.Max(other.BlockedUntil, other.End)))
            {
                continue;
            }

            if (other.PractitionerId == session.PractitionerId)
            {
                issues.Add(new(field, string.Create(CultureInfo.InvariantCulture, $"overlaps session {j + 1} with the same practitioner")));
            }

            if (other.RoomId == session.RoomId)
            {
                issues.Add(new(field, string.Create(CultureInfo.InvariantCulture, $"overlaps session {j + 1} in the same room")));
            }
        }
    }

    /// <summary>
    /// The hard minimums only (the proposal windows are defaults a front desk may book outside): a treatment session
    /// at least <see cref="SchedulingSettings.MinDaysBetweenSessions"/> local days after the one before it, a healed
    /// review at least <see cref="SchedulingSettings.HealedReviewMinDays"/> after the last session before it.
    /// Consultations are not spaced.
    /// </summary>
    private static string? SpacingIssue(IReadOnlyList<PlacedSession> sessions, LocalDate[] days, int i, SchedulingSettings settings)
    {
        var kind = sessions[i].Kind;
        if (kind == ServiceKind.Consultation)
        {
            return null;
        }

        var before = -1;
        for (var j = i - 1; j >= 0 && before < 0; j--)
        {
            if (ServiceKinds.IsTreatment(sessions[j].Kind))
            {
                before = j;
            }
        }

        if (before < 0)
        {
            return null;
        }

        var review = kind == ServiceKind.HealedReview;
        var minimum = settings.MinDaysAfterSession(kind);
        var gap = Period.DaysBetween(days[before], days[i]);
        if (gap >= minimum)
        {
            return null;
        }

        var rule = review
            ? string.Create(CultureInfo.InvariantCulture, $"a healed review must be at least {minimum} days after the last session")
            : string.Create(CultureInfo.InvariantCulture, $"sessions must be at least {minimum} days apart");
        var when = gap switch
        {
            < 0 => string.Create(CultureInfo.InvariantCulture, $"is {-gap} {Days(-gap)} before session {before + 1}"),
            0 => string.Create(CultureInfo.InvariantCulture, $"is on the same day as session {before + 1}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"is only {gap} {Days(gap)} after session {before + 1}"),
        };
        return $"{when}; {rule}";
    }

    private static string Days(int count) => count == 1 ? "day" : "days";
}

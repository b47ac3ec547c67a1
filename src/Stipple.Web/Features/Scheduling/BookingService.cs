using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Scheduling;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Features.Reminders;
using Stipple.Web.Features.Screening;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Scheduling;

/// <summary>
/// Treatment plans and their booking: proposes complete schedules (Core's <see cref="AvailabilityEngine"/> over the
/// calendar <see cref="CalendarLoader"/> reads), and books a plan's appointments in one transaction or none. The
/// database's exclusion constraints decide races: a booking that loses one gets a conflict with fresh alternatives.
/// </summary>
public sealed class BookingService(StippleDbContext db, StudioScope scope, CalendarLoader loader, ScreeningService screening, PlanBasisService basis, SchedulingSettingsService rules, IClock clock)
{
    /// <summary>How far ahead anything may be booked, in years.</summary>
    public const int MaxYearsAhead = 5;

    /// <summary>Complete schedules for the client's plan, best first; null when the client is not found.</summary>
    public async Task<Result<PlanProposalsDto>> ProposeAsync(Guid clientId, PlanProposalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return Result<PlanProposalsDto>.Missing();
        }

        var sessions = request.Sessions ?? await basis.SessionCountAsync(clientId, request.ConsultationId, cancellationToken);
        if (sessions is < 1 or > TreatmentPlan.MaxSessions)
        {
            return Result<PlanProposalsDto>.Invalid("sessions", "must be between 1 and 4 sessions.");
        }

        if (request.EarliestStart is { } earliest && request.LatestStart is { } latest && latest < earliest)
        {
            return Result<PlanProposalsDto>.Invalid("latestStart", "must not be before the earliest start.");
        }

        var today = clock.GetCurrentInstant().InUtc().Date;
        if (request.From is { } from && (from < today.PlusDays(-1) || from > today.PlusYears(MaxYearsAhead)))
        {
            return Result<PlanProposalsDto>.Invalid("from", $"must be between today and {MaxYearsAhead} years ahead.");
        }

        var healedReview = request.HealedReview ?? true;
        var schedules = await ProposeAsync(clientId, sessions, healedReview, request.From, Preferences(request), cancellationToken);
        var blockers = schedules.Count == 0 ? [] : await BlockersAsync(clientId, schedules[0].Slots, cancellationToken);
        return Result<PlanProposalsDto>.Ok(new PlanProposalsDto(sessions, healedReview, schedules, blockers));
    }

    /// <summary>
    /// Books a plan: every slot checked (hours, closures, time off, spacing, the screening gate), then the plan, its
    /// appointments, their history and reminders written in one transaction. A slot taken meanwhile is a conflict.
    /// </summary>
    public Task<BookingOutcome<BookedPlanDto>> BookPlanAsync(Guid clientId, BookPlanRequest request, Guid? userId, CancellationToken cancellationToken) =>
        OnOneConnectionAsync(() => BookPlanOnConnectionAsync(clientId, request, userId, cancellationToken), cancellationToken);

    private async Task<BookingOutcome<BookedPlanDto>> BookPlanOnConnectionAsync(Guid clientId, BookPlanRequest request, Guid? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.GivenName, c.FamilyName }).SingleOrDefaultAsync(cancellationToken);
        if (client is null)
        {
            return BookingOutcome<BookedPlanDto>.Missing();
        }

        var slots = request.Slots ?? [];
        var sessionCount = slots.Count - (request.HealedReview ? 1 : 0);
        if (slots.Count == 0 || sessionCount is < 1 or > TreatmentPlan.MaxSessions)
        {
            return BookingOutcome<BookedPlanDto>.Invalid("slots", request.HealedReview
                ? "needs 2 to 5 slots: 1 to 4 sessions, then the healed review."
                : "needs 1 to 4 slots, one per session.");
        }

        if (request.ConsultationId is { } consultation && !await db.Consultations.AnyAsync(c => c.Id == consultation && c.ClientId == clientId, cancellationToken))
        {
            return BookingOutcome<BookedPlanDto>.Invalid("consultationId", "is not a consultation of this client.");
        }

        var kinds = slots.Select((_, i) => i == 0 ? ServiceKind.FirstSession
            : request.HealedReview && i == slots.Count - 1 ? ServiceKind.HealedReview : ServiceKind.FollowUpSession).ToList();
        var checkedSlots = await CheckAsync(clientId, slots, kinds, [], cancellationToken);
        if (checkedSlots.Outcome is { } failed)
        {
            return failed.As<BookedPlanDto>(failed.Conflict is null ? [] : await AlternativesAsync(clientId, sessionCount, request.HealedReview, checkedSlots.FirstDay, cancellationToken));
        }

        var now = clock.GetCurrentInstant();
        var designVersion = request.ConsultationId is { } id ? await basis.ApprovedVersionIdAsync(id, cancellationToken) : null;
        var plan = TreatmentPlan.Create(scope.Required, clientId, request.ConsultationId, designVersion, sessionCount, request.HealedReview, request.Note, userId, now);
        var appointments = checkedSlots.Placed.Select((p, i) => Appointment.Book(plan.StudioId, clientId, plan.Id, i + 1, p, userId, now)).ToList();
        db.TreatmentPlans.Add(plan);
        db.Appointments.AddRange(appointments);
        foreach (var appointment in appointments)
        {
            db.AppointmentEvents.Add(AppointmentEvent.Record(appointment, AppointmentEventKind.Booked, userId, now));
            ReminderOutbox.Schedule(db, appointment, checkedSlots.Settings, now);
        }

        if (await SaveOrConflictAsync(cancellationToken) is { } conflict)
        {
            return BookingOutcome<BookedPlanDto>.Conflicted(conflict, await AlternativesAsync(clientId, sessionCount, request.HealedReview, checkedSlots.FirstDay, cancellationToken));
        }

        var name = $"{client.GivenName} {client.FamilyName}";
        return BookingOutcome<BookedPlanDto>.Ok(new BookedPlanDto(plan.Id, clientId,
            [.. appointments.Select(a => Dto(a, name, sessionCount, checkedSlots.Calendar))]));
    }

    /// <summary>Books one appointment outside a plan (consultation, touch-up, or a single session or review).</summary>
    public Task<BookingOutcome<AppointmentDto>> BookAppointmentAsync(BookAppointmentRequest request, Guid? userId, CancellationToken cancellationToken) =>
        OnOneConnectionAsync(() => BookAppointmentOnConnectionAsync(request, userId, cancellationToken), cancellationToken);

    private async Task<BookingOutcome<AppointmentDto>> BookAppointmentOnConnectionAsync(BookAppointmentRequest request, Guid? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == request.ClientId).Select(c => new { c.GivenName, c.FamilyName }).SingleOrDefaultAsync(cancellationToken);
        if (client is null)
        {
            return BookingOutcome<AppointmentDto>.Invalid("clientId", "is not a client of this studio.");
        }

        if (AppointmentLabels.Parse(request.Kind) is not { } kind)
        {
            return BookingOutcome<AppointmentDto>.Invalid("kind", "must be consultation, first_session, follow_up_session, touch_up or healed_review.");
        }

        if (request.Slot is not { } slot)
        {
            return BookingOutcome<AppointmentDto>.Invalid("slot", "is required: a practitioner, a room and a start.");
        }

        var checkedSlots = await CheckAsync(request.ClientId, [slot], [kind], [], cancellationToken);
        if (checkedSlots.Outcome is { } failed)
        {
            return failed.As<AppointmentDto>(failed.Conflict is null ? [] : await SingleAlternativesAsync(request.ClientId, kind, checkedSlots.FirstDay, null, null, cancellationToken));
        }

        var now = clock.GetCurrentInstant();
        var appointment = Appointment.Book(scope.Required, request.ClientId, null, null, checkedSlots.Placed[0], userId, now);
        db.Appointments.Add(appointment);
        db.AppointmentEvents.Add(AppointmentEvent.Record(appointment, AppointmentEventKind.Booked, userId, now));
        ReminderOutbox.Schedule(db, appointment, checkedSlots.Settings, now);
        if (await SaveOrConflictAsync(cancellationToken) is { } conflict)
        {
            return BookingOutcome<AppointmentDto>.Conflicted(conflict, await SingleAlternativesAsync(request.ClientId, kind, checkedSlots.FirstDay, null, null, cancellationToken));
        }

        return BookingOutcome<AppointmentDto>.Ok(Dto(appointment, $"{client.GivenName} {client.FamilyName}", null, checkedSlots.Calendar));
    }

    /// <summary>
    /// Checks chosen slots against the calendar and the client's screening, and places them. Slots that overlap busy
    /// time are a conflict (409); anything else wrong is a field error naming <c>slots[i]…</c>.
    /// </summary>
    internal async Task<SlotCheck> CheckAsync(Guid clientId, IReadOnlyList<SlotChoice> slots, IReadOnlyList<ServiceKind> kinds, IReadOnlyCollection<Guid> moving, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var horizon = now.InUtc().Date.PlusYears(MaxYearsAhead).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var outOfRange = new FieldErrors();
        for (var i = 0; i < slots.Count; i++)
        {
            if (slots[i].Start <= now)
            {
                outOfRange.Add($"slots[{i}].start", "is in the past.");
            }
            else if (slots[i].Start > horizon)
            {
                outOfRange.Add($"slots[{i}].start", $"is more than {MaxYearsAhead} years ahead.");
            }
        }

        if (outOfRange.Any)
        {
            // Nothing to load for times that cannot be booked (and instants near the ends of time cannot be turned into days).
            return new SlotCheck(BookingOutcome<object>.Invalid(outOfRange), now.InUtc().Date, null!, []);
        }

        var first = slots.Min(s => s.Start);
        var last = slots.Max(s => s.Start);
        // UTC days a day wider than the local ones in any zone, so the zone need not be read first.
        var calendar = await loader.LoadAsync(first.InUtc().Date.PlusDays(-1), last.InUtc().Date.PlusDays(1), clientId, moving, cancellationToken);
        var zone = calendar.Zone;
        var firstDay = first.InZone(zone).Date;
        var errors = new FieldErrors();
        var placed = new List<PlacedSession>(slots.Count);
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            if (!calendar.PractitionerNames.ContainsKey(slot.PractitionerId))
            {
                errors.Add($"slots[{i}].practitionerId", "is not a practitioner who takes bookings here.");
            }

            if (!calendar.RoomNames.ContainsKey(slot.RoomId))
            {
                errors.Add($"slots[{i}].roomId", "is not a room in use here.");
            }

            var length = calendar.Settings.LengthOf(kinds[i]);
            placed.Add(new PlacedSession(i, kinds[i], slot.PractitionerId, slot.RoomId, slot.Start.InZone(zone).LocalDateTime,
                slot.Start, slot.Start + length, slot.Start + length + calendar.Settings.Buffer));
        }

        if (errors.Any)
        {
            return new SlotCheck(BookingOutcome<object>.Invalid(errors), firstDay, calendar, placed);
        }

        if (Overlapping(calendar, placed) is { } taken)
        {
            return new SlotCheck(BookingOutcome<object>.Conflicted(taken, []), firstDay, calendar, placed);
        }

        foreach (var issue in AvailabilityEngine.Check(calendar.Calendar, placed, calendar.Settings))
        {
            errors.Add(issue.Field.Replace("sessions[", "slots[", StringComparison.Ordinal), issue.Message);
        }

        var gated = placed.Where(p => ServiceKinds.IsTreatment(p.Kind)).ToList();
        if (gated.Count > 0)
        {
            var gates = await screening.GatesAsync(clientId, [.. gated.Select(p => p.LocalStart.Date)], cancellationToken) ?? [];
            for (var i = 0; i < gates.Count; i++)
            {
                if (!gates[i].Allowed)
                {
                    errors.Add($"slots[{gated[i].StepIndex}].start", "Screening blocks an SMP session on this day: " + string.Join(" ", gates[i].Reasons));
                }
            }
        }

        return new SlotCheck(errors.Any ? BookingOutcome<object>.Invalid(errors) : null, firstDay, calendar, placed);
    }

    /// <summary>Fresh complete schedules for a plan from <paramref name="from"/> (after a conflict).</summary>
    internal async Task<IReadOnlyList<ScheduleDto>> AlternativesAsync(Guid clientId, int sessions, bool healedReview, LocalDate from, CancellationToken cancellationToken) =>
        await ProposeAsync(clientId, sessions, healedReview, from, SchedulePreferences.None, cancellationToken);

    /// <summary>Fresh times for one appointment of <paramref name="kind"/>, optionally bounded by local days (a plan's neighbours).</summary>
    internal async Task<IReadOnlyList<ScheduleDto>> SingleAlternativesAsync(Guid clientId, ServiceKind kind, LocalDate from, LocalDate? notAfter, IReadOnlyCollection<Guid>? moving, CancellationToken cancellationToken)
    {
        var (zone, settings) = await rules.GetWithZoneAsync(cancellationToken);
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var first = from < today ? today : from;
        var last = notAfter is { } bound && bound < first.PlusDays(settings.HorizonDays) ? bound : first.PlusDays(settings.HorizonDays);
        if (last < first)
        {
            return [];
        }

        var calendar = await loader.LoadAsync(first, last, clientId, moving ?? [], cancellationToken);
        var step = new PlanStep(kind, settings.LengthOf(kind), settings.Buffer);
        return Schedules(calendar, [step], first, last, SchedulePreferences.None, null);
    }

    private async Task<IReadOnlyList<ScheduleDto>> ProposeAsync(Guid clientId, int sessions, bool healedReview, LocalDate? from, SchedulePreferences preferences, CancellationToken cancellationToken)
    {
        var (zone, settings) = await rules.GetWithZoneAsync(cancellationToken);
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var first = from is { } day && day > today ? day : today;
        var steps = settings.PlanSteps(sessions, healedReview);
        var last = first.PlusDays(settings.HorizonDays);
        var reach = steps.Sum(s => s.AfterPrevious?.MaxDays ?? 0);
        var calendar = await loader.LoadAsync(first, last.PlusDays(reach), clientId, [], cancellationToken);
        return Schedules(calendar, steps, first, last, preferences, sessions);
    }

    private IReadOnlyList<ScheduleDto> Schedules(LoadedCalendar calendar, IReadOnlyList<PlanStep> steps, LocalDate first, LocalDate last, SchedulePreferences preferences, int? sessions)
    {
        var request = new ScheduleRequest(steps, first, last, clock.GetCurrentInstant(), preferences, Duration.FromMinutes(calendar.Settings.StartIntervalMinutes))
        {
            ClientBusy = calendar.ClientBusy,
        };
        return [.. AvailabilityEngine.Propose(calendar.Calendar, request).Select(s => new ScheduleDto(
            [.. s.Sessions.Select(p => Slot(p, sessions, calendar))], s.Penalty, s.SamePractitioner))];
    }

    private async Task<IReadOnlyList<string>> BlockersAsync(Guid clientId, IReadOnlyList<SlotDto> slots, CancellationToken cancellationToken)
    {
        var days = slots.Where(s => AppointmentLabels.Parse(s.Kind) is { } kind && ServiceKinds.IsTreatment(kind)).Select(s => s.LocalStart.Date).ToList();
        var gates = await screening.GatesAsync(clientId, days, cancellationToken) ?? [];
        return [.. gates.Where(g => !g.Allowed).SelectMany(g => g.Reasons).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The first slot that overlaps busy time of its practitioner, room or the client, in words; or null.</summary>
    private static string? Overlapping(LoadedCalendar calendar, IReadOnlyList<PlacedSession> placed)
    {
        foreach (var p in placed)
        {
            var who = calendar.Calendar.Busy.Any(b => b.ResourceId == p.PractitionerId && b.Start < p.BlockedUntil && p.Start < b.End)
                ? $"{calendar.PractitionerNames[p.PractitionerId]} is not free"
                : calendar.Calendar.Busy.Any(b => b.ResourceId == p.RoomId && b.Start < p.BlockedUntil && p.Start < b.End)
                    ? $"{calendar.RoomNames[p.RoomId]} is taken"
                    : calendar.ClientBusy.Any(b => b.Start < p.End && p.Start < b.End) ? "the client has another appointment" : null;
            if (who is not null)
            {
                return $"That time is no longer free: {who} at {p.LocalStart.ToString("dddd d MMMM HH:mm", System.Globalization.CultureInfo.InvariantCulture)}.";
            }
        }

        return null;
    }

    /// <summary>
    /// Runs a booking on one open connection, so its reads, checks and save share it instead of each opening one (and
    /// setting the studio on it) again; nested opens, as the calendar loader's, reuse it.
    /// </summary>
    internal async Task<T> OnOneConnectionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Saves; an exclusion-constraint violation (a concurrent booking won) becomes a conflict message. Two transactions
    /// inserting overlapping ranges at the same moment can each wait for the other's index entry, which PostgreSQL breaks
    /// as a deadlock (40P01) by aborting one: that one is saved again (its rows are still pending in the context), and
    /// then meets the winner's committed rows as an ordinary 23P01.
    /// </summary>
    internal async Task<string?> SaveOrConflictAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SaveInResourceOrderAsync(cancellationToken);
                return null;
            }
            catch (Exception ex) when (Postgres(ex) is { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected } && attempt < 5)
            {
                // Try again: the other transaction has gone on and will commit or fail.
            }
            catch (Exception ex) when (Postgres(ex) is { SqlState: Npgsql.PostgresErrorCodes.ExclusionViolation or Npgsql.PostgresErrorCodes.DeadlockDetected } pg)
            {
                db.ChangeTracker.Clear();
                return pg.ConstraintName switch
                {
                    "appointments_room_overlap" => "That time was just booked: the room is taken.",
                    "appointments_client_overlap" => "That time was just booked: the client has another appointment then.",
                    _ => "That time was just booked: the practitioner is not free.",
                };
            }
        }
    }

    /// <summary>
    /// Saves in a transaction that first takes an advisory lock on every practitioner, room and client the changed
    /// appointments hold, in one fixed order. Concurrent bookings of the same people and rooms then queue one behind
    /// another instead of waiting on each other's index entries (which PostgreSQL can only break as a deadlock, after a
    /// second); the exclusion constraints still decide who wins.
    /// </summary>
    private async Task SaveInResourceOrderAsync(CancellationToken cancellationToken)
    {
        var keys = db.ChangeTracker.Entries<Appointment>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .SelectMany(e => new[] { e.Entity.PractitionerId, e.Entity.RoomId, e.Entity.ClientId })
            .Distinct()
            .Select(id => BitConverter.ToInt64(id.ToByteArray(), 0))
            .Order()
            .ToArray();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (keys.Length > 0)
        {
            // Volatile functions in the select list run after the sort, so the locks are taken in key order.
            await db.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock(k) from unnest({keys}) as k order by k", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The PostgreSQL error behind a failed save. EF Core reports it inside a <see cref="DbUpdateException"/>, and, when
    /// Npgsql calls it transient (a deadlock is), wraps that once more in an <see cref="InvalidOperationException"/>.
    /// </summary>
    private static Npgsql.PostgresException? Postgres(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException pg)
            {
                return pg;
            }
        }

        return null;
    }

    internal static AppointmentDto Dto(Appointment a, string clientName, int? sessionCount, LoadedCalendar calendar) =>
        new(a.Id, a.ClientId, clientName, a.PlanId, a.Step, AppointmentLabels.Code(a.Kind), AppointmentLabels.For(a.Kind, a.Step, sessionCount),
            a.PractitionerId, calendar.PractitionerNames.GetValueOrDefault(a.PractitionerId, "?"), a.RoomId, calendar.RoomNames.GetValueOrDefault(a.RoomId, "?"),
            a.StartsAt.InZone(calendar.Zone).LocalDateTime, a.StartsAt, a.EndsAt, AppointmentLabels.Code(a.Status), a.LateNotice);

    private static SlotDto Slot(PlacedSession p, int? sessions, LoadedCalendar calendar) =>
        new(p.StepIndex + 1, AppointmentLabels.Code(p.Kind), AppointmentLabels.For(p.Kind, p.StepIndex + 1, sessions),
            p.PractitionerId, calendar.PractitionerNames[p.PractitionerId], p.RoomId, calendar.RoomNames[p.RoomId], p.LocalStart, p.Start, p.End);

    private static SchedulePreferences Preferences(PlanProposalRequest request) =>
        new(new HashSet<IsoDayOfWeek>(request.Weekdays ?? []), request.EarliestStart, request.LatestStart, request.PractitionerId);

}

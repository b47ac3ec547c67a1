using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Scheduling;
using Stipple.Data;
using Stipple.Domain;
using Stipple.Web.Features.Reminders;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Scheduling;

/// <summary>
/// Changes to booked appointments under the studio's policy: reschedule (hard spacing rules against the rest of the
/// plan kept, the gate and the calendar checked, a late change flagged), cancel (one, or what is left of a plan),
/// no-show and completed. Every change is written to the appointment's history and its reminders follow it.
/// </summary>
public sealed class AppointmentService(StippleDbContext db, BookingService booking, SchedulingSettingsService rules, IClock clock)
{
    public Task<BookingOutcome<AppointmentDto>> RescheduleAsync(Guid id, RescheduleRequest request, Guid? userId, CancellationToken cancellationToken) =>
        booking.OnOneConnectionAsync(() => RescheduleOnConnectionAsync(id, request, userId, cancellationToken), cancellationToken);

    private async Task<BookingOutcome<AppointmentDto>> RescheduleOnConnectionAsync(Guid id, RescheduleRequest request, Guid? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null)
        {
            return BookingOutcome<AppointmentDto>.Missing();
        }

        var now = clock.GetCurrentInstant();
        if (appointment.Status != AppointmentStatus.Booked || appointment.StartsAt <= now)
        {
            return BookingOutcome<AppointmentDto>.Invalid("start", appointment.Status != AppointmentStatus.Booked
                ? "Only a booked appointment can be moved."
                : "This appointment has already started; it can no longer be moved.");
        }

        if (request.Start is not { } start)
        {
            return BookingOutcome<AppointmentDto>.Invalid("start", "is required.");
        }

        var choice = new SlotChoice(request.PractitionerId ?? appointment.PractitionerId, request.RoomId ?? appointment.RoomId, start);
        var check = await booking.CheckAsync(appointment.ClientId, [choice], [appointment.Kind], [appointment.Id], cancellationToken);
        if (check.Placed.Count == 0)
        {
            return check.Outcome!.As<AppointmentDto>([]); // a time out of range: nothing was loaded
        }

        var (notBefore, notAfter, spacing) = await SpacingAsync(appointment, check.Placed[0].LocalStart.Date, check.Calendar.Zone, check.Settings, cancellationToken);
        if (check.Outcome is null && spacing is not null)
        {
            return BookingOutcome<AppointmentDto>.Invalid("start", spacing);
        }

        if (check.Outcome is { } failed)
        {
            var from = notBefore ?? check.FirstDay.PlusDays(-7);
            return failed.As<AppointmentDto>(failed.Conflict is null ? []
                : await booking.SingleAlternativesAsync(appointment.ClientId, appointment.Kind, from, notAfter, [appointment.Id], cancellationToken));
        }

        var settings = check.Settings;
        var late = appointment.StartsAt - now < Duration.FromHours(settings.RescheduleNoticeHours);
        var from0 = appointment.StartsAt;
        appointment.Reschedule(check.Placed[0], late);
        db.AppointmentEvents.Add(AppointmentEvent.Record(appointment, AppointmentEventKind.Rescheduled, userId, now, from0, start, late, request.Reason));
        await ReminderOutbox.FollowAsync(db, appointment, settings, now, cancellationToken);
        if (await booking.SaveOrConflictAsync(cancellationToken) is { } conflict)
        {
            return BookingOutcome<AppointmentDto>.Conflicted(conflict,
                await booking.SingleAlternativesAsync(appointment.ClientId, appointment.Kind, notBefore ?? check.FirstDay, notAfter, [appointment.Id], cancellationToken));
        }

        return BookingOutcome<AppointmentDto>.Ok(await GetAsync(id, cancellationToken) ?? throw new InvalidOperationException("The appointment just moved is gone."));
    }

    /// <summary>Free times the appointment could move to (inside its plan's hard spacing), best first; null when not found.</summary>
    public async Task<IReadOnlyList<ScheduleDto>?> AlternativesAsync(Guid id, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null)
        {
            return null;
        }

        var (zone, settings) = await rules.GetWithZoneAsync(cancellationToken);
        var day = appointment.StartsAt.InZone(zone).Date;
        var (notBefore, notAfter, _) = await SpacingAsync(appointment, day, zone, settings, cancellationToken);
        return await booking.SingleAlternativesAsync(appointment.ClientId, appointment.Kind, notBefore ?? day, notAfter, [appointment.Id], cancellationToken);
    }

    public async Task<Result<AppointmentDto>> CancelAsync(Guid id, CancelRequest request, Guid? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null)
        {
            return Result<AppointmentDto>.Missing();
        }

        var now = clock.GetCurrentInstant();
        if (appointment.Status != AppointmentStatus.Booked || appointment.StartsAt <= now)
        {
            return Result<AppointmentDto>.Invalid("status", appointment.Status != AppointmentStatus.Booked
                ? "Only a booked appointment can be cancelled."
                : "This appointment has already started; mark it completed or a no-show instead.");
        }

        var settings = await rules.GetAsync(cancellationToken);
        await CancelOneAsync(appointment, settings, now, userId, request.Reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result<AppointmentDto>.Ok((await GetAsync(id, cancellationToken))!);
    }

    /// <summary>Cancels a plan: every appointment of it still to come; past ones stay as they were.</summary>
    public async Task<Result<int>> CancelPlanAsync(Guid planId, CancelRequest request, Guid? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await db.TreatmentPlans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Result<int>.Missing();
        }

        var now = clock.GetCurrentInstant();
        var settings = await rules.GetAsync(cancellationToken);
        var upcoming = await db.Appointments.Where(a => a.PlanId == planId && a.Status == AppointmentStatus.Booked && a.StartsAt > now).ToListAsync(cancellationToken);
        foreach (var appointment in upcoming)
        {
            await CancelOneAsync(appointment, settings, now, userId, request.Reason, cancellationToken);
        }

        plan.Cancel(now);
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Ok(upcoming.Count);
    }

    public Task<Result<AppointmentDto>> MarkNoShowAsync(Guid id, Guid? userId, CancellationToken cancellationToken) =>
        ChangeAsync(id, userId, AppointmentEventKind.NoShow, (a, now) => a.MarkNoShow(now), cancellationToken);

    public Task<Result<AppointmentDto>> CompleteAsync(Guid id, Guid? userId, CancellationToken cancellationToken) =>
        ChangeAsync(id, userId, AppointmentEventKind.Completed, (a, now) => a.Complete(now), cancellationToken);

    /// <summary>One appointment with names, in the studio's local time; null when not found.</summary>
    public async Task<AppointmentDto?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await ListAsync(db.Appointments.AsNoTracking().Where(a => a.Id == id), cancellationToken) is [var found] ? found : null;

    /// <summary>Appointments starting in [<paramref name="from"/>, <paramref name="to"/>), optionally one client's, by start.</summary>
    public Task<IReadOnlyList<AppointmentDto>> ListAsync(Instant from, Instant to, Guid? clientId, CancellationToken cancellationToken) =>
        ListAsync(db.Appointments.AsNoTracking().Where(a => a.StartsAt >= from && a.StartsAt < to && (clientId == null || a.ClientId == clientId)), cancellationToken);

    /// <summary>Every appointment of one client, by start.</summary>
    public Task<IReadOnlyList<AppointmentDto>> ForClientAsync(Guid clientId, CancellationToken cancellationToken) =>
        ListAsync(db.Appointments.AsNoTracking().Where(a => a.ClientId == clientId), cancellationToken);

    private async Task<IReadOnlyList<AppointmentDto>> ListAsync(IQueryable<Appointment> appointments, CancellationToken cancellationToken)
    {
        var (zone, _) = await rules.GetWithZoneAsync(cancellationToken);
        var rows = await (from a in appointments
                          join c in db.Clients.AsNoTracking() on a.ClientId equals c.Id
                          join s in db.StaffUsers.AsNoTracking() on a.PractitionerId equals s.Id
                          join r in db.Rooms.AsNoTracking() on a.RoomId equals r.Id
                          join p in db.TreatmentPlans.AsNoTracking() on a.PlanId equals p.Id into plans
                          from plan in plans.DefaultIfEmpty()
                          orderby a.StartsAt
                          select new { a, Client = c.GivenName + " " + c.FamilyName, Staff = s.DisplayName, Room = r.Name, Sessions = plan == null ? (int?)null : plan.SessionCount })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => new AppointmentDto(x.a.Id, x.a.ClientId, x.Client, x.a.PlanId, x.a.Step, AppointmentLabels.Code(x.a.Kind),
            AppointmentLabels.For(x.a.Kind, x.a.Step, x.Sessions), x.a.PractitionerId, x.Staff, x.a.RoomId, x.Room,
            x.a.StartsAt.InZone(zone).LocalDateTime, x.a.StartsAt, x.a.EndsAt, AppointmentLabels.Code(x.a.Status), x.a.LateNotice))];
    }

    private async Task<Result<AppointmentDto>> ChangeAsync(Guid id, Guid? userId, AppointmentEventKind kind, Action<Appointment, Instant> change, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null)
        {
            return Result<AppointmentDto>.Missing();
        }

        var now = clock.GetCurrentInstant();
        try
        {
            change(appointment, now);
        }
        catch (DomainException ex)
        {
            return Result<AppointmentDto>.Invalid(FieldErrors.From(ex));
        }

        db.AppointmentEvents.Add(AppointmentEvent.Record(appointment, kind, userId, now));
        await db.SaveChangesAsync(cancellationToken);
        return Result<AppointmentDto>.Ok((await GetAsync(id, cancellationToken))!);
    }

    private async Task CancelOneAsync(Appointment appointment, SchedulingSettings settings, Instant now, Guid? userId, string? reason, CancellationToken cancellationToken)
    {
        var late = appointment.StartsAt - now < Duration.FromHours(settings.CancelNoticeHours);
        appointment.Cancel(now, late);
        db.AppointmentEvents.Add(AppointmentEvent.Record(appointment, AppointmentEventKind.Cancelled, userId, now, lateNotice: late, reason: reason));
        await ReminderOutbox.CancelAsync(db, appointment.Id, now, cancellationToken);
    }

    /// <summary>
    /// The local days a plan step may move within (its live neighbours' days ± the hard minimums), and why
    /// <paramref name="day"/> breaks them, if it does.
    /// </summary>
    private async Task<(LocalDate? NotBefore, LocalDate? NotAfter, string? Problem)> SpacingAsync(Appointment appointment, LocalDate day, DateTimeZone zone, SchedulingSettings settings, CancellationToken cancellationToken)
    {
        if (appointment.PlanId is not { } planId)
        {
            return (null, null, null);
        }

        var siblings = await db.Appointments.AsNoTracking()
            .Where(a => a.PlanId == planId && a.Id != appointment.Id && a.Status != AppointmentStatus.Cancelled)
            .Select(a => new { a.Step, a.Kind, a.StartsAt }).ToListAsync(cancellationToken);
        var before = siblings.Where(s => s.Step < appointment.Step).MaxBy(s => s.Step);
        var after = siblings.Where(s => s.Step > appointment.Step).MinBy(s => s.Step);
        LocalDate? notBefore = before is null ? null : before.StartsAt.InZone(zone).Date.PlusDays(settings.MinDaysAfterSession(appointment.Kind));
        LocalDate? notAfter = after is null ? null : after.StartsAt.InZone(zone).Date.PlusDays(-settings.MinDaysAfterSession(after.Kind));
        string? problem = null;
        if (notBefore is { } earliest && day < earliest)
        {
            problem = $"must be on or after {Day(earliest)}: at least {settings.MinDaysAfterSession(appointment.Kind)} days after the step before it.";
        }
        else if (notAfter is { } latest && day > latest)
        {
            problem = $"must be on or before {Day(latest)}: at least {settings.MinDaysAfterSession(after!.Kind)} days before the step after it (move that one first).";
        }

        return (notBefore, notAfter, problem);
    }

    private static string Day(LocalDate date) => date.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

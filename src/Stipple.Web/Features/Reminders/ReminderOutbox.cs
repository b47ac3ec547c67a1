using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Scheduling;
using Stipple.Data;
using Stipple.Domain;

namespace Stipple.Web.Features.Reminders;

/// <summary>
/// Puts appointment reminders in the outbox, in the same transaction as the booking that causes them (the caller
/// saves). One message per reminder time of the studio (default 48 h and 2 h before) that is still ahead; the dedupe
/// key names the appointment, the hours and the start, so a moved appointment gets fresh reminders (<see cref="FollowAsync"/>)
/// and the same reminder is never enqueued twice.
/// </summary>
public static class ReminderOutbox
{
    public const string Kind = "appointment_reminder";

    public static void Schedule(StippleDbContext db, Appointment appointment, SchedulingSettings settings, Instant now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (key, hours, due) in Wanted(appointment, settings, now))
        {
            var payload = JsonSerializer.Serialize(new ReminderPayload(appointment.Id, hours, appointment.StartsAt.ToUnixTimeSeconds()));
            db.Outbox.Add(OutboxMessage.Create(appointment.StudioId, Kind, key, payload, due, now));
        }
    }

    /// <summary>
    /// Makes a moved appointment's reminders follow its new start (tracked; the caller saves): reminders for the old
    /// start not yet sent are cancelled; those for the new start are added — or, when the appointment moves back to a
    /// start it had before, the cancelled ones for it come back (their key is taken), and one already sent for that
    /// start is not sent again.
    /// </summary>
    public static async Task FollowAsync(StippleDbContext db, Appointment appointment, SchedulingSettings settings, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(settings);
        var existing = await Reminders(db, appointment.Id).ToDictionaryAsync(m => m.DedupeKey, StringComparer.Ordinal, cancellationToken);
        var wanted = Wanted(appointment, settings, now).ToList();
        foreach (var message in existing.Values.Where(m => m.SentAt is null && m.CancelledAt is null && !wanted.Exists(w => string.Equals(w.Key, m.DedupeKey, StringComparison.Ordinal))))
        {
            message.Cancel(now);
        }

        foreach (var (key, hours, due) in wanted)
        {
            if (!existing.TryGetValue(key, out var message))
            {
                var payload = JsonSerializer.Serialize(new ReminderPayload(appointment.Id, hours, appointment.StartsAt.ToUnixTimeSeconds()));
                db.Outbox.Add(OutboxMessage.Create(appointment.StudioId, Kind, key, payload, due, now));
            }
            else if (message.SentAt is null)
            {
                message.Restore();
            }
        }
    }

    /// <summary>Cancels the appointment's reminders not yet sent (tracked; the caller saves).</summary>
    public static async Task CancelAsync(StippleDbContext db, Guid appointmentId, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = await Reminders(db, appointmentId).Where(m => m.SentAt == null && m.CancelledAt == null).ToListAsync(cancellationToken);
        foreach (var message in pending)
        {
            message.Cancel(now);
        }
    }

    private static IQueryable<OutboxMessage> Reminders(StippleDbContext db, Guid appointmentId)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"reminder:{appointmentId:N}:");
        return db.Outbox.Where(m => m.Kind == Kind && m.DedupeKey.StartsWith(prefix));
    }

    /// <summary>The reminders the appointment should have, by dedupe key: each reminder time still ahead.</summary>
    private static IEnumerable<(string Key, int Hours, Instant Due)> Wanted(Appointment appointment, SchedulingSettings settings, Instant now)
    {
        foreach (var hours in settings.ReminderHoursBefore)
        {
            var due = appointment.StartsAt - Duration.FromHours(hours);
            if (due > now) // booked at shorter notice than this reminder: the client has just been told
            {
                yield return (string.Create(CultureInfo.InvariantCulture, $"reminder:{appointment.Id:N}:{hours}:{appointment.StartsAt.ToUnixTimeSeconds()}"), hours, due);
            }
        }
    }
}

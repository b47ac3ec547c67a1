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
/// key names the appointment, the hours and the start, so a moved appointment gets fresh reminders and the same
/// reminder is never enqueued twice.
/// </summary>
public static class ReminderOutbox
{
    public const string Kind = "appointment_reminder";

    public static void Schedule(StippleDbContext db, Appointment appointment, SchedulingSettings settings, Instant now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var hours in settings.ReminderHoursBefore)
        {
            var due = appointment.StartsAt - Duration.FromHours(hours);
            if (due <= now)
            {
                continue; // booked at shorter notice than this reminder: the client has just been told
            }

            var payload = JsonSerializer.Serialize(new ReminderPayload(appointment.Id, hours, appointment.StartsAt.ToUnixTimeSeconds()));
            var key = string.Create(CultureInfo.InvariantCulture, $"reminder:{appointment.Id:N}:{hours}:{appointment.StartsAt.ToUnixTimeSeconds()}");
            db.Outbox.Add(OutboxMessage.Create(appointment.StudioId, Kind, key, payload, due, now));
        }
    }

    /// <summary>Cancels the appointment's reminders not yet sent (tracked; the caller saves).</summary>
    public static async Task CancelAsync(StippleDbContext db, Guid appointmentId, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"reminder:{appointmentId:N}:");
        var pending = await db.Outbox
            .Where(m => m.Kind == Kind && m.SentAt == null && m.CancelledAt == null && m.DedupeKey.StartsWith(prefix))
            .ToListAsync(cancellationToken);
        foreach (var message in pending)
        {
            message.Cancel(now);
        }
    }
}

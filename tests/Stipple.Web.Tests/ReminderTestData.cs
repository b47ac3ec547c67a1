using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;
using Stipple.Core.Scheduling;
using Stipple.Domain;
using Stipple.Web.Features.Reminders;
using Stipple.Web.Infrastructure.Email;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>Appointments booked straight into the database with their reminders, and what the outbox and mailbox hold.</summary>
public static partial class ReminderTestData
{
    public static DateTimeZone London { get; } = DateTimeZoneProviders.Tzdb["Europe/London"];

    public static Instant Now => SystemClock.Instance.GetCurrentInstant();

    /// <summary>Reminder times whose due moments are already past for appointments in the next 59 hours.</summary>
    public static SchedulingSettings DueSettings(params int[] hours) => SchedulingSettings.Default with { ReminderHoursBefore = hours };

    /// <summary>10:00 in London <paramref name="days"/> days from today.</summary>
    public static Instant LondonTen(int days) =>
        London.AtStrictly(SystemClock.Instance.GetCurrentInstant().InZone(London).Date.PlusDays(days).At(new LocalTime(10, 0))).ToInstant();

    /// <summary>
    /// Books an appointment with the studio's practitioner in its room and enqueues its reminders as if it had been
    /// booked at <paramref name="bookedAt"/> (so reminders already due now were still ahead then).
    /// </summary>
    public static Task<Appointment> BookAsync(
        StippleAppFactory app, TestStudio studio, Guid clientId, Instant start, SchedulingSettings settings, Instant bookedAt,
        ServiceKind kind = ServiceKind.Consultation, Guid? planId = null, int? step = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(studio);
        ArgumentNullException.ThrowIfNull(settings);
        return app.InStudioAsync(studio.Id, async db =>
        {
            var room = await db.Rooms.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync();
            var end = start + settings.LengthOf(kind);
            var placed = new PlacedSession(0, kind, studio.Practitioner.Id, room, start.InZone(London).LocalDateTime, start, end, end + settings.Buffer);
            var appointment = Appointment.Book(studio.Id, clientId, planId, step, placed, studio.FrontDesk.Id, bookedAt);
            db.Appointments.Add(appointment);
            ReminderOutbox.Schedule(db, appointment, settings, bookedAt);
            await db.SaveChangesAsync();
            return appointment;
        });
    }

    /// <summary>A booked plan of <paramref name="sessions"/> sessions for the client; returns its id.</summary>
    public static Task<Guid> PlanAsync(StippleAppFactory app, TestStudio studio, Guid clientId, int sessions, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(studio);
        return app.InStudioAsync(studio.Id, async db =>
        {
            var plan = TreatmentPlan.Create(studio.Id, clientId, null, null, sessions, healedReview: true, note, studio.Practitioner.Id, Now);
            db.TreatmentPlans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });
    }

    public static Task<List<OutboxMessage>> OutboxAsync(StippleAppFactory app, Guid studioId)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.InStudioAsync(studioId, db => db.Outbox.AsNoTracking().OrderBy(m => m.DueAt).ToListAsync());
    }

    /// <summary>Runs SQL as the cluster's superuser (past row-level security), e.g. to bring a retry forward.</summary>
    public static async Task<int> SuperuserAsync(StippleAppFactory app, string sql, params object[] values)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(values);
        await using var connection = new NpgsqlConnection(app.Database.SuperuserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every .eml in the app's mailbox: its file name, Message-ID and content.</summary>
    public static List<(string File, string MessageId, MailboxEntry Entry)> Mailbox(StippleAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!Directory.Exists(app.MailboxFolder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(app.MailboxFolder, "*.eml").Select(path =>
        {
            var text = File.ReadAllText(path, Encoding.UTF8);
            var id = MessageIdPattern().Match(text);
            id.Success.ShouldBeTrue($"{path} has a Message-ID");
            return (Path.GetFileName(path), id.Groups["id"].Value, MailboxEntry.Parse(Path.GetFileName(path), text));
        })];
    }

    /// <summary>The mailbox's messages of the outbox messages given.</summary>
    public static List<(string File, string MessageId, MailboxEntry Entry)> MailFor(StippleAppFactory app, IEnumerable<OutboxMessage> messages)
    {
        var ids = messages.Select(m => OutboxDispatcher.MessageIdFor(m.Id)).ToHashSet(StringComparer.Ordinal);
        return [.. Mailbox(app).Where(m => ids.Contains(m.MessageId))];
    }

    [GeneratedRegex("^Message-ID: <(?<id>[^>]+)>\r$", RegexOptions.Multiline | RegexOptions.ExplicitCapture)]
    private static partial Regex MessageIdPattern();
}

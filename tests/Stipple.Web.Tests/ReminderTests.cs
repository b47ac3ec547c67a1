using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NodaTime;
using NodaTime.Text;
using Stipple.Core.Scheduling;
using Stipple.Domain;
using Stipple.Web.Features.Reminders;
using Stipple.Web.Infrastructure.Email;
using static Stipple.Web.Tests.ReminderTestData;

namespace Stipple.Web.Tests;

/// <summary>Appointment reminders through the outbox: sent once, in the client's time, never for a moved or cancelled appointment.</summary>
public sealed class ReminderTests(ReminderAppFactory app) : IClassFixture<ReminderAppFactory>
{
    private OutboxDispatcher Dispatcher => app.Services.GetRequiredService<OutboxDispatcher>();

    [Fact]
    public async Task One_pass_sends_each_due_reminder_once_in_the_clients_local_time()
    {
        var studio = await app.CreateStudioAsync("Reminder Studio");
        var ada = studio.Clients[0];
        var plan = await PlanAsync(app, studio, ada.Id, 3);
        var start = LondonTen(2);
        // 72 h before is already due; 1 h before is not.
        var appointment = await BookAsync(app, studio, ada.Id, start, DueSettings(72, 1), Now - Duration.FromDays(4), ServiceKind.FirstSession, plan, 1);
        var pending = await OutboxAsync(app, studio.Id);
        pending.Count.ShouldBe(2);

        (await Dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(1);

        var outbox = await OutboxAsync(app, studio.Id);
        var sent = outbox.Single(m => m.DedupeKey.Contains(":72:", StringComparison.Ordinal));
        sent.SentAt.ShouldNotBeNull();
        sent.Attempts.ShouldBe(0);
        var later = outbox.Single(m => m.DedupeKey.Contains(":1:", StringComparison.Ordinal));
        later.SentAt.ShouldBeNull();
        later.CancelledAt.ShouldBeNull();

        var mail = MailFor(app, outbox).ShouldHaveSingleItem();
        mail.MessageId.ShouldBe($"{sent.Id:D}@stipple");
        mail.File.ShouldBe($"msg-{sent.Id:D}_stipple.eml");
        mail.Entry.To.ShouldBe(ada.Email);
        mail.Entry.Studio.ShouldBe(studio.Id.ToString("D"));
        var culture = CultureInfo.GetCultureInfo("en-GB");
        var local = start.InZone(London);
        var day = LocalDatePattern.Create("dddd d MMMM", culture).Format(local.Date);
        mail.Entry.Subject.ShouldBe($"Reminder: your SMP session on {day} at 10:00");
        var body = mail.Entry.Body;
        body.ShouldContain("Hello Ada,");
        body.ShouldContain("SMP session 1 of 3");
        body.ShouldContain(LocalDatePattern.Create("dddd d MMMM uuuu", culture).Format(local.Date) + ", 10:00–14:00");
        body.ShouldNotContain("your time (");
        body.ShouldContain(studio.Practitioner.DisplayName);
        body.ShouldContain("Reminder Studio");
        body.ShouldContain("Shave or cut your hair 48 hours before the session; do not use a razor on the day.");
        body.ShouldContain("redness, breakouts or an infection");
        body.ShouldContain("at least 48 hours before it starts");

        (await Dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(0);
        MailFor(app, await OutboxAsync(app, studio.Id)).Count.ShouldBe(1);
        appointment.Id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task A_client_in_another_zone_reads_their_own_time_and_the_studios()
    {
        var studio = await app.CreateStudioAsync("Zones Studio");
        var ada = studio.Clients[0];
        await app.InStudioAsync(studio.Id, async db =>
        {
            var client = await db.Clients.SingleAsync(c => c.Id == ada.Id);
            client.SetTimeZone("America/New_York", Now);
            return await db.SaveChangesAsync();
        });
        var start = LondonTen(2);
        await BookAsync(app, studio, ada.Id, start, DueSettings(72), Now - Duration.FromDays(4), ServiceKind.HealedReview);

        (await Dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(1);

        var mail = MailFor(app, await OutboxAsync(app, studio.Id)).ShouldHaveSingleItem();
        var culture = CultureInfo.GetCultureInfo("en-GB");
        var newYork = start.InZone(DateTimeZoneProviders.Tzdb["America/New_York"]);
        var time = newYork.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
        time.ShouldNotBe("10:00");
        var day = LocalDatePattern.Create("dddd d MMMM", culture).Format(newYork.Date);
        mail.Entry.Subject.ShouldBe($"Reminder: your healed review on {day} at {time}");
        mail.Entry.Body.ShouldContain($"{LocalDatePattern.Create("dddd d MMMM uuuu", culture).Format(newYork.Date)}, {time}–");
        mail.Entry.Body.ShouldContain("your time (America/New_York)");
        mail.Entry.Body.ShouldContain($"That is 10:00 on {LocalDatePattern.Create("dddd d MMMM", culture).Format(start.InZone(London).Date)} at the studio (Europe/London).");
        mail.Entry.Body.ShouldNotContain("Shave", Case.Sensitive); // a healed review needs no preparation
    }

    [Fact]
    public async Task Moved_and_cancelled_appointments_and_clients_without_email_get_no_reminder()
    {
        var studio = await app.CreateStudioAsync("Changes Studio");
        var (ada, ben) = (studio.Clients[0], studio.Clients[1]);
        var settings = DueSettings(72);
        var bookedAt = Now - Duration.FromDays(4);
        var moved = await BookAsync(app, studio, ada.Id, LondonTen(1), settings, bookedAt);
        var cancelled = await BookAsync(app, studio, ada.Id, LondonTen(1) + Duration.FromHours(2), settings, bookedAt);
        var noEmail = await BookAsync(app, studio, ben.Id, LondonTen(1) + Duration.FromHours(4), settings, bookedAt);

        // Changed without cancelling the reminders already queued (as a booking path that forgot, or raced, would).
        var newStart = LondonTen(2);
        await app.InStudioAsync(studio.Id, async db =>
        {
            var a = await db.Appointments.SingleAsync(x => x.Id == moved.Id);
            var end = newStart + settings.LengthOf(a.Kind);
            a.Reschedule(new PlacedSession(0, a.Kind, a.PractitionerId, a.RoomId, newStart.InZone(London).LocalDateTime, newStart, end, end + settings.Buffer), lateNotice: false);
            ReminderOutbox.Schedule(db, a, settings, bookedAt);
            (await db.Appointments.SingleAsync(x => x.Id == cancelled.Id)).Cancel(Now, lateNotice: false);
            return await db.SaveChangesAsync();
        });

        (await Dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(1);

        var outbox = await OutboxAsync(app, studio.Id);
        outbox.Count.ShouldBe(4);
        string Key(Appointment a, Instant at) => $"reminder:{a.Id:N}:72:{at.ToUnixTimeSeconds()}";
        var old = outbox.Single(m => string.Equals(m.DedupeKey, Key(moved, moved.StartsAt), StringComparison.Ordinal));
        old.SentAt.ShouldBeNull();
        old.CancelledAt.ShouldNotBeNull();
        old.LastError.ShouldBe("the appointment was moved");
        var fresh = outbox.Single(m => string.Equals(m.DedupeKey, Key(moved, newStart), StringComparison.Ordinal));
        fresh.SentAt.ShouldNotBeNull();
        var gone = outbox.Single(m => string.Equals(m.DedupeKey, Key(cancelled, cancelled.StartsAt), StringComparison.Ordinal));
        gone.CancelledAt.ShouldNotBeNull();
        gone.LastError.ShouldBe("the appointment is cancelled");
        var ben2 = outbox.Single(m => string.Equals(m.DedupeKey, Key(noEmail, noEmail.StartsAt), StringComparison.Ordinal));
        ben2.CancelledAt.ShouldNotBeNull();
        ben2.LastError.ShouldBe("client has no e-mail address");

        var mail = MailFor(app, outbox).ShouldHaveSingleItem();
        mail.MessageId.ShouldBe($"{fresh.Id:D}@stipple");
        mail.Entry.Subject.ShouldContain(" at 10:00");
        (await Dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task A_failing_message_backs_off_without_blocking_the_others_and_gives_up_after_eight_attempts()
    {
        var studio = await app.CreateStudioAsync("Flaky Studio");
        var other = await app.CreateStudioAsync("Steady Studio");
        var settings = DueSettings(72);
        var bookedAt = Now - Duration.FromDays(4);
        var failing = await BookAsync(app, studio, studio.Clients[0].Id, LondonTen(1), settings, bookedAt);
        await BookAsync(app, other, other.Clients[0].Id, LondonTen(1), settings, bookedAt);
        var sender = new ReminderRecordingSender(app.DataDirectory);
        var broken = true;
        sender.Before = (m, _) => broken && m.StudioId == studio.Id ? throw new InvalidOperationException("SMTP said 451: try later") : Task.CompletedTask;
        await using var instance = app.StartInstance(sender, loop: false);
        var dispatcher = instance.Services.GetRequiredService<OutboxDispatcher>();

        var before = Now;
        (await dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(1);
        (await OutboxAsync(app, other.Id)).ShouldHaveSingleItem().SentAt.ShouldNotBeNull();
        var row = (await OutboxAsync(app, studio.Id)).ShouldHaveSingleItem();
        row.SentAt.ShouldBeNull();
        row.CancelledAt.ShouldBeNull();
        row.Attempts.ShouldBe(1);
        row.LastError.ShouldBe("SMTP said 451: try later");
        row.NextTryAt!.Value.ShouldBeInRange(before + Duration.FromMinutes(1), Now + Duration.FromMinutes(1));
        (await dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(0); // not due again yet

        // The seventh failure waits 12 hours; the eighth gives up.
        await SuperuserAsync(app, "update outbox set attempts = 6, next_try_at = now() - interval '1 second' where id = $1", row.Id);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        row = (await OutboxAsync(app, studio.Id)).Single();
        row.Attempts.ShouldBe(7);
        row.NextTryAt!.Value.ShouldBeGreaterThan(Now + Duration.FromHours(11));
        await SuperuserAsync(app, "update outbox set next_try_at = now() - interval '1 second' where id = $1", row.Id);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        row = (await OutboxAsync(app, studio.Id)).Single();
        row.Attempts.ShouldBe(8);
        row.CancelledAt.ShouldNotBeNull();
        row.LastError.ShouldBe("SMTP said 451: try later");

        // A later reminder of the same studio still goes once the server recovers, and a retried message is sent after all.
        broken = false;
        var second = await BookAsync(app, studio, studio.Clients[0].Id, LondonTen(1) + Duration.FromHours(2), settings, bookedAt);
        await SuperuserAsync(app, "update outbox set cancelled_at = null, attempts = 1, next_try_at = now() - interval '1 second' where id = $1", row.Id);
        (await dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(2);
        (await OutboxAsync(app, studio.Id)).ShouldAllBe(m => m.SentAt != null);
        sender.Sent.Count(m => m.StudioId == studio.Id).ShouldBe(2);
        failing.Id.ShouldNotBe(second.Id);
    }

    [Fact]
    public async Task The_dispatcher_starts_with_the_app_and_sends_on_its_own()
    {
        var studio = await app.CreateStudioAsync("Hosted Studio");
        await BookAsync(app, studio, studio.Clients[0].Id, LondonTen(1), DueSettings(72), Now - Duration.FromDays(4));
        var sender = new ReminderRecordingSender(app.DataDirectory);
        await using var instance = app.StartInstance(sender, loop: true, pollMilliseconds: 50);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await OutboxAsync(app, studio.Id)).Any(m => m.SentAt is null) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        (await OutboxAsync(app, studio.Id)).ShouldHaveSingleItem().SentAt.ShouldNotBeNull();
        sender.Sent.Count(m => m.StudioId == studio.Id).ShouldBe(1);
    }

    [Fact]
    public async Task Outbox_rows_are_visible_only_to_their_own_studio()
    {
        var first = await app.CreateStudioAsync("Outbox A");
        var second = await app.CreateStudioAsync("Outbox B");
        // Not yet due, so no other test's pass sends them.
        await BookAsync(app, first, first.Clients[0].Id, LondonTen(20), DueSettings(24), Now);
        await BookAsync(app, second, second.Clients[0].Id, LondonTen(20), DueSettings(24, 48), Now);

        (await OutboxAsync(app, first.Id)).ShouldHaveSingleItem().StudioId.ShouldBe(first.Id);
        var secondRows = await OutboxAsync(app, second.Id);
        secondRows.Count.ShouldBe(2);
        secondRows.ShouldAllBe(m => m.StudioId == second.Id);
        (await app.InStudioAsync(first.Id, db => db.Outbox.CountAsync(m => m.StudioId == second.Id))).ShouldBe(0);

        // The app role straight on a connection: nothing without a studio, and nothing of another studio to change.
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using (var none = new NpgsqlCommand("select count(*) from outbox", connection))
        {
            ((long)(await none.ExecuteScalarAsync())!).ShouldBe(0);
        }

        await using (var set = new NpgsqlCommand("select set_config('stipple.studio_id', $1, false)", connection))
        {
            set.Parameters.Add(new NpgsqlParameter { Value = first.Id.ToString("D") });
            await set.ExecuteNonQueryAsync();
        }

        await using (var update = new NpgsqlCommand("update outbox set sent_at = now() where studio_id = $1", connection))
        {
            update.Parameters.Add(new NpgsqlParameter { Value = second.Id });
            (await update.ExecuteNonQueryAsync()).ShouldBe(0);
        }

        await using (var count = new NpgsqlCommand("select count(*) from outbox", connection))
        {
            ((long)(await count.ExecuteScalarAsync())!).ShouldBe((await OutboxAsync(app, first.Id)).Count);
        }

        (await OutboxAsync(app, second.Id)).ShouldAllBe(m => m.SentAt == null);
    }

    [Fact]
    public void A_message_id_names_the_file_and_the_header_and_cannot_leave_the_mailbox()
    {
        var id = Guid.NewGuid();
        var message = new EmailMessage(Guid.NewGuid(), "a@example.com", "Hi", "Body") { MessageId = OutboxDispatcher.MessageIdFor(id) };
        FileMailbox.FileNameFor(message, Now).ShouldBe($"msg-{id:D}_stipple.eml");
        MimeWriter.Write(message, "x@example.com", DateTimeOffset.UnixEpoch).ShouldContain($"\r\nMessage-ID: <{id:D}@stipple>\r\n");
        MimeWriter.Write(message with { MessageId = null }, "x@example.com", DateTimeOffset.UnixEpoch).ShouldContain("@stipple.local>\r\n");
        foreach (var bad in new[] { "../../etc/passwd@x", "a@b/c", "no-at-sign", "a@b\r\nBcc: c@d", "@x", "x@" })
        {
            Should.Throw<ArgumentException>(() => FileMailbox.FileNameFor(message with { MessageId = bad }, Now));
            Should.Throw<ArgumentException>(() => MimeWriter.Write(message with { MessageId = bad }, "x@example.com", DateTimeOffset.UnixEpoch));
        }
    }
}

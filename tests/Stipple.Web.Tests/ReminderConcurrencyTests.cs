using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NodaTime;
using Stipple.Web.Features.Reminders;
using Stipple.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Stipple.Web.Tests.ReminderTestData;

namespace Stipple.Web.Tests;

/// <summary>Every due reminder is sent once with two app instances racing for them, and across a stop or a crash mid-batch.</summary>
public sealed class ReminderConcurrencyTests(ReminderAppFactory app, ITestOutputHelper output) : IClassFixture<ReminderAppFactory>
{
    [Fact]
    public async Task Two_app_instances_send_every_due_reminder_exactly_once()
    {
        // 2 studios × 50 appointments × 2 due reminders = 200 messages.
        var studios = new[] { await app.CreateStudioAsync("Race One"), await app.CreateStudioAsync("Race Two") };
        var bookedAt = Now - Duration.FromDays(4);
        foreach (var studio in studios)
        {
            for (var i = 0; i < 50; i++)
            {
                await BookAsync(app, studio, studio.Clients[0].Id, Now + Duration.FromHours(10 + i), DueSettings(72, 60), bookedAt);
            }
        }

        var ids = (await OutboxAsync(app, studios[0].Id)).Concat(await OutboxAsync(app, studios[1].Id)).Select(m => m.Id).ToList();
        ids.Count.ShouldBe(200);

        var senderA = new ReminderRecordingSender(app.DataDirectory);
        var senderB = new ReminderRecordingSender(app.DataDirectory);
        // A little latency per send widens the window in which both instances hold batches.
        senderA.Before = senderB.Before = (_, ct) => Task.Delay(Random.Shared.Next(0, 3), ct);
        await using var a = app.StartInstance(senderA, loop: true, pollMilliseconds: 5);
        await using var b = app.StartInstance(senderB, loop: true, pollMilliseconds: 5);
        var dispatchers = new[] { a.Services.GetRequiredService<OutboxDispatcher>(), b.Services.GetRequiredService<OutboxDispatcher>() };

        var direct = 0;
        for (var round = 0; round < 10; round++)
        {
            var counts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => dispatchers[i % 2].DispatchDueAsync(CancellationToken.None))));
            direct += counts.Sum();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await UnsentAsync() > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await a.DisposeAsync();
        await b.DisposeAsync();
        output.WriteLine($"instance A sent {senderA.Sent.Count}, instance B {senderB.Sent.Count}; {direct} by direct passes, the rest by the hosted loops");

        (await UnsentAsync()).ShouldBe(0);
        var sent = senderA.Sent.Concat(senderB.Sent).Select(m => m.MessageId!).ToList();
        sent.Count.ShouldBe(200, "each message was handed to the mail server once");
        sent.Distinct(StringComparer.Ordinal).Count().ShouldBe(200);
        sent.Order(StringComparer.Ordinal).ShouldBe(ids.Select(OutboxDispatcher.MessageIdFor).Order(StringComparer.Ordinal));
        var outbox = (await OutboxAsync(app, studios[0].Id)).Concat(await OutboxAsync(app, studios[1].Id)).ToList();
        outbox.ShouldAllBe(m => m.SentAt != null && m.CancelledAt == null && m.Attempts == 0);
        var mail = MailFor(app, outbox);
        mail.Count.ShouldBe(200);
        mail.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count().ShouldBe(200);

        async Task<int> UnsentAsync() =>
            (await OutboxAsync(app, studios[0].Id)).Count(m => m.SentAt is null) + (await OutboxAsync(app, studios[1].Id)).Count(m => m.SentAt is null);
    }

    [Fact]
    public async Task A_stop_mid_batch_keeps_what_was_sent_and_a_new_instance_sends_the_rest()
    {
        var (studio, outbox) = await TwentyDueAsync("Stop Studio");
        var (stopping, stalled) = StallingSender(afterSends: 5);
        var first = app.StartInstance(stopping, loop: true, pollMilliseconds: 10);
        await stalled.WaitAsync(TimeSpan.FromSeconds(30));
        await first.DisposeAsync(); // a clean stop: the sixth send is abandoned, the five before it are committed

        outbox = await OutboxAsync(app, studio.Id);
        outbox.Count(m => m.SentAt != null).ShouldBe(5);
        outbox.ShouldAllBe(m => m.CancelledAt == null && m.Attempts == 0);
        var sentBefore = outbox.Where(m => m.SentAt != null).Select(m => OutboxDispatcher.MessageIdFor(m.Id)).ToList();
        stopping.Sent.Select(m => m.MessageId!).Order(StringComparer.Ordinal).ShouldBe(sentBefore.Order(StringComparer.Ordinal));

        var restarted = new ReminderRecordingSender(app.DataDirectory);
        await using var second = app.StartInstance(restarted, loop: false);
        (await second.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None)).ShouldBe(15);

        (await OutboxAsync(app, studio.Id)).ShouldAllBe(m => m.SentAt != null);
        var all = stopping.Sent.Concat(restarted.Sent).Select(m => m.MessageId).ToList();
        all.Count.ShouldBe(20, "nothing was sent twice");
        all.Distinct(StringComparer.Ordinal).Count().ShouldBe(20);
        MailFor(app, outbox).Count.ShouldBe(20);
    }

    [Fact]
    public async Task After_a_crash_mid_batch_a_new_instance_sends_the_rest_and_the_mailbox_holds_each_once()
    {
        var (studio, outbox) = await TwentyDueAsync("Crash Studio");
        // The first instance hands five messages to the mail server and hangs on the sixth; then its database
        // connection dies (as when the process is killed between sending and recording): its batch never commits.
        var (crashing, stalled) = StallingSender(afterSends: 5);
        var first = app.StartInstance(crashing, loop: true, pollMilliseconds: 10);
        await stalled.WaitAsync(TimeSpan.FromSeconds(30));
        await using (var admin = new NpgsqlConnection(app.Database.SuperuserConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and usename = 'stipple_app' and state = 'idle in transaction'",
                admin);
            ((long)(await kill.ExecuteScalarAsync())!).ShouldBe(1, "the dispatcher's connection was holding its batch");
        }

        await first.DisposeAsync();

        outbox = await OutboxAsync(app, studio.Id);
        outbox.Count.ShouldBe(20);
        outbox.ShouldAllBe(m => m.SentAt == null && m.CancelledAt == null && m.Attempts == 0, "the crashed batch rolled back");
        crashing.Sent.Count.ShouldBe(5);
        MailFor(app, outbox).Count.ShouldBe(5);

        var restarted = new ReminderRecordingSender(app.DataDirectory);
        await using var second = app.StartInstance(restarted, loop: false);
        (await second.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None)).ShouldBe(20);
        (await second.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None)).ShouldBe(0);

        outbox = await OutboxAsync(app, studio.Id);
        outbox.ShouldAllBe(m => m.SentAt != null);
        restarted.Sent.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count().ShouldBe(20);
        // The five sent before the crash went again with the same Message-ID, and replaced their own files.
        crashing.Sent.Select(m => m.MessageId).ShouldBeSubsetOf(restarted.Sent.Select(m => m.MessageId));
        var mail = MailFor(app, outbox);
        mail.Count.ShouldBe(20);
        mail.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count().ShouldBe(20);
        mail.ShouldAllBe(m => m.File == "msg-" + m.MessageId.Replace('@', '_') + ".eml");
    }

    /// <summary>A studio with 20 due reminders (one batch).</summary>
    private async Task<(TestStudio Studio, List<Domain.OutboxMessage> Outbox)> TwentyDueAsync(string name)
    {
        var studio = await app.CreateStudioAsync(name);
        var bookedAt = Now - Duration.FromDays(4);
        for (var i = 0; i < 20; i++)
        {
            await BookAsync(app, studio, studio.Clients[0].Id, Now + Duration.FromHours(10 + i), DueSettings(72), bookedAt);
        }

        var outbox = await OutboxAsync(app, studio.Id);
        outbox.Count.ShouldBe(20);
        outbox.Count.ShouldBeLessThan(OutboxDispatcher.BatchSize);
        return (studio, outbox);
    }

    /// <summary>A sender that sends <paramref name="afterSends"/> messages, then waits on the next until the send is cancelled.</summary>
    private (ReminderRecordingSender Sender, Task Stalled) StallingSender(int afterSends)
    {
        var sender = new ReminderRecordingSender(app.DataDirectory);
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sender.Before = async (_, ct) =>
        {
            if (sender.Sent.Count >= afterSends)
            {
                stalled.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }
        };
        return (sender, stalled.Task);
    }
}

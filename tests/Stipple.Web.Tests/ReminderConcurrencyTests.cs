using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Stipple.Web.Features.Reminders;
using Xunit.Abstractions;
using static Stipple.Web.Tests.ReminderTestData;

namespace Stipple.Web.Tests;

/// <summary>Every due reminder is sent once with two app instances racing for them, and across a restart mid-batch.</summary>
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
    public async Task After_a_stop_mid_batch_a_new_instance_sends_the_rest_and_the_mailbox_holds_each_once()
    {
        var studio = await app.CreateStudioAsync("Restart Studio");
        var bookedAt = Now - Duration.FromDays(4);
        for (var i = 0; i < 20; i++)
        {
            await BookAsync(app, studio, studio.Clients[0].Id, Now + Duration.FromHours(10 + i), DueSettings(72), bookedAt);
        }

        // The first instance hands five messages to the mail server, then hangs on the sixth until it is stopped: its
        // batch never commits, as when a process dies between sending and recording.
        var crashing = new ReminderRecordingSender(app.DataDirectory);
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        crashing.Before = async (_, ct) =>
        {
            if (crashing.Sent.Count >= 5)
            {
                stalled.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }
        };
        var first = app.StartInstance(crashing, loop: true, pollMilliseconds: 10);
        await stalled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await first.DisposeAsync();

        var outbox = await OutboxAsync(app, studio.Id);
        outbox.Count.ShouldBe(20);
        outbox.ShouldAllBe(m => m.SentAt == null && m.CancelledAt == null && m.Attempts == 0, "the stopped batch rolled back");
        crashing.Sent.Count.ShouldBe(5);
        MailFor(app, outbox).Count.ShouldBe(5);

        var restarted = new ReminderRecordingSender(app.DataDirectory);
        await using var second = app.StartInstance(restarted, loop: false);
        (await second.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None)).ShouldBe(20);
        (await second.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None)).ShouldBe(0);

        outbox = await OutboxAsync(app, studio.Id);
        outbox.ShouldAllBe(m => m.SentAt != null);
        restarted.Sent.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count().ShouldBe(20);
        // The five sent before the stop went again with the same Message-ID, and replaced their own files.
        crashing.Sent.Select(m => m.MessageId).ShouldBeSubsetOf(restarted.Sent.Select(m => m.MessageId));
        var mail = MailFor(app, outbox);
        mail.Count.ShouldBe(20);
        mail.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count().ShouldBe(20);
        mail.ShouldAllBe(m => m.File == "msg-" + m.MessageId.Replace('@', '_') + ".eml");
    }
}

using System.Text.Json;
using Npgsql;
using NodaTime;
using Stipple.Web.Infrastructure;
using Stipple.Web.Infrastructure.Email;

namespace Stipple.Web.Features.Reminders;

/// <summary>
/// Sends due outbox messages (appointment reminders), in every app instance, each exactly once (docs/adr/0015).
/// A pass claims a batch with <c>stipple_claim_outbox</c>, which locks the rows FOR UPDATE SKIP LOCKED in this pass's
/// transaction, so another instance skips them; each message is then read through row-level security with its studio
/// set, sent, and marked sent in the same transaction, which commits once the batch is done. Each message runs inside
/// its own savepoint, so one failure is recorded (with back-off) without undoing or blocking the others.
/// </summary>
public sealed class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    IEmailSender sender,
    IClock clock,
    StippleSettings settings,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>Messages claimed per transaction; a crash resends at most this many (harmlessly, by Message-ID).</summary>
    public const int BatchSize = 25;

    /// <summary>The Message-ID of an outbox message's e-mail: the same for every attempt, so a resend is recognisably the same message.</summary>
    public static string MessageIdFor(Guid outboxId) => outboxId.ToString("D") + "@stipple";

    /// <summary>
    /// Sends every message due now, batch by batch, until none is left that this instance can claim, or until
    /// <paramref name="cancellationToken"/> fires (what was sent by then is recorded). Returns how many it sent.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var (claimed, sent) = await DispatchBatchAsync(cancellationToken);
            total += sent;
            if (claimed < BatchSize || cancellationToken.IsCancellationRequested)
            {
                return total;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.OutboxEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DispatchDueAsync(stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Outbox: sent {Count} message(s)", sent);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // stopped while claiming: nothing was claimed, or the batch rolled back and its rows go again
            }
            catch (Exception ex)
            {
                // Never let one bad pass end the loop (an unhandled exception in a hosted service stops the app).
                logger.LogError(ex, "Outbox pass failed; trying again at the next poll");
            }

            try
            {
                await Task.Delay(settings.OutboxPollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<(int Claimed, int Sent)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claimed = await ReminderQueries.ClaimAsync(connection, clock.GetCurrentInstant(), BatchSize, cancellationToken);
        var sent = 0;
        // Once rows are claimed, the bookkeeping runs to the end (CancellationToken.None): a stop only abandons the
        // send in progress, and what was sent before it is still committed as sent.
        var none = CancellationToken.None;
        foreach (var (studioId, id) in claimed)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break; // stopping: the rest stay unsent (their locks go with the commit) for the next pass anywhere
            }

            await ReminderQueries.ExecuteAsync(connection, "savepoint message", none);
            await ReminderQueries.SetStudioAsync(connection, studioId, none);
            var attempts = 0;
            try
            {
                var message = await ReminderQueries.MessageAsync(connection, id, none);
                if (message is { } m)
                {
                    attempts = m.Attempts;
                    if (await ProcessAsync(connection, studioId, id, m.Kind, m.Payload, cancellationToken))
                    {
                        sent++;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The send was abandoned half-way; the row stays unsent and goes again (with the same Message-ID).
                await ReminderQueries.ExecuteAsync(connection, "rollback to savepoint message", none);
                break;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogWarning(ex, "Outbox message {MessageId} of studio {StudioId} failed (attempt {Attempt})", id, studioId, attempts + 1);
                await ReminderQueries.ExecuteAsync(connection, "rollback to savepoint message", none);
                await ReminderQueries.SetStudioAsync(connection, studioId, none);
                await ReminderQueries.FailedAsync(connection, id, attempts + 1, ex.Message, clock.GetCurrentInstant(), none);
            }

            await ReminderQueries.ExecuteAsync(connection, "release savepoint message", none);
        }

        await transaction.CommitAsync(none);
        return (claimed.Count, sent);
    }

    /// <summary>Sends one message, or cancels it when there is nothing (any more) to send. True when an e-mail went out.</summary>
    private async Task<bool> ProcessAsync(NpgsqlConnection connection, Guid studioId, Guid id, string kind, string payloadJson, CancellationToken cancellationToken)
    {
        if (!string.Equals(kind, ReminderOutbox.Kind, StringComparison.Ordinal))
        {
            await ReminderQueries.CancelAsync(connection, id, $"unknown message kind '{kind}'", clock.GetCurrentInstant(), cancellationToken);
            return false;
        }

        var payload = JsonSerializer.Deserialize<ReminderPayload>(payloadJson)
            ?? throw new InvalidOperationException("The reminder has no payload.");
        var found = await ReminderQueries.ReminderAsync(connection, payload.AppointmentId, cancellationToken);
        var now = clock.GetCurrentInstant();
        var skip = found switch
        {
            null => "the appointment no longer exists",
            { Status: var status } when !string.Equals(status, "booked", StringComparison.Ordinal) => $"the appointment is {status.Replace('_', ' ')}",
            { Details.Start: var start } when start.ToUnixTimeSeconds() != payload.StartsAtUnixSeconds => "the appointment was moved",
            { Details.Start: var start } when start <= now => "the appointment has already started",
            { Details.ClientEmail: null or "" } => "client has no e-mail address",
            _ => null,
        };
        if (skip is not null)
        {
            await ReminderQueries.CancelAsync(connection, id, skip, now, cancellationToken);
            return false;
        }

        var details = found!.Value.Details;
        var (subject, body) = ReminderEmail.Render(details);
        await sender.SendAsync(new EmailMessage(studioId, details.ClientEmail!, subject, body) { MessageId = MessageIdFor(id) }, cancellationToken);
        await ReminderQueries.MarkSentAsync(connection, id, clock.GetCurrentInstant(), cancellationToken);
        return true;
    }
}

using System.Collections.Concurrent;
using NodaTime;
using Stipple.Web.Infrastructure;
using Stipple.Web.Infrastructure.Email;

namespace Stipple.Web.Tests;

/// <summary>
/// The development mailbox (real .eml files in the app's data directory) plus a record of every send, so a test sees a
/// message sent twice even when the second copy overwrites the first file. <see cref="Before"/> can fail or stall a send.
/// </summary>
public sealed class ReminderRecordingSender(string dataDirectory) : IEmailSender
{
    private readonly FileMailbox mailbox = new(
        new StippleSettings { Database = "", MigrationDatabase = "", DataDirectory = dataDirectory, FilesDirectory = dataDirectory },
        SystemClock.Instance);

    public ConcurrentQueue<EmailMessage> Sent { get; } = new();

    /// <summary>Runs before each send; throw to fail it, or wait to stall it.</summary>
    public Func<EmailMessage, CancellationToken, Task>? Before { get; set; }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (Before is { } before)
        {
            await before(message, cancellationToken);
        }

        await mailbox.SendAsync(message, cancellationToken);
        Sent.Enqueue(message);
    }
}

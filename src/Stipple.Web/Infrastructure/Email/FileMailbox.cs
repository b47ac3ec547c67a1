using System.Globalization;
using System.Text;
using NodaTime;

namespace Stipple.Web.Infrastructure.Email;

/// <summary>
/// The development mailbox: each message is written as an .eml file under <c>&lt;data dir&gt;/mailbox</c>, which any mail
/// program opens and the Mailbox page lists (each studio sees only its own). A message with a
/// <see cref="EmailMessage.MessageId"/> is written to a file named after it, so sending it again (an outbox retry after a
/// crash) replaces the file instead of adding a second copy (docs/adr/0015).
/// </summary>
public sealed class FileMailbox(StippleSettings settings, IClock clock) : IEmailSender
{
    public string Folder => Path.Combine(settings.DataDirectory, "mailbox");

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var now = clock.GetCurrentInstant();
        var name = FileNameFor(message, now);
        var text = MimeWriter.Write(message, "Stipple <no-reply@stipple.local>", now.ToDateTimeOffset());
        // Written aside and moved into place: a reader (or a concurrent resend) never sees half a message.
        var temporary = Path.Combine(Folder, "." + Guid.NewGuid().ToString("N") + ".tmp");
        await File.WriteAllTextAsync(temporary, text, Encoding.UTF8, cancellationToken);
        File.Move(temporary, Path.Combine(Folder, name), overwrite: true);
    }

    /// <summary>
    /// The file a message is kept in: named after its Message-ID when it has one (the same message always lands in the
    /// same file), otherwise after the time and a fresh id.
    /// </summary>
    public static string FileNameFor(EmailMessage message, Instant now)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.MessageId is { } given && !MimeWriter.IsValidMessageId(given))
        {
            // Letters, digits, '.', '-', '_' and one '@' only: the name can never leave the mailbox folder.
            throw new ArgumentException("The Message-ID cannot name a file.", nameof(message));
        }

        return message.MessageId is { } id
            ? "msg-" + id.Replace('@', '_') + ".eml"
            : string.Create(CultureInfo.InvariantCulture, $"{now.ToUnixTimeTicks():D19}-{Guid.NewGuid():N}.eml");
    }

    /// <summary>The studio's messages, newest first.</summary>
    public IReadOnlyList<MailboxEntry> List(Guid studioId, int max)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var studio = studioId.ToString("D");
        var entries = new List<MailboxEntry>();
        var files = new DirectoryInfo(Folder).EnumerateFiles("*.eml")
            .OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var entry = MailboxEntry.Parse(file.Name, File.ReadAllText(file.FullName, Encoding.UTF8));
            if (string.Equals(entry.Studio, studio, StringComparison.OrdinalIgnoreCase))
            {
                entries.Add(entry);
                if (entries.Count >= max)
                {
                    break;
                }
            }
        }

        return entries;
    }
}

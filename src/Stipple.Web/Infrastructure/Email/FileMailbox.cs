using System.Globalization;
using System.Text;
using NodaTime;

namespace Stipple.Web.Infrastructure.Email;

/// <summary>
/// The development mailbox: each message is written as an .eml file under <c>&lt;data dir&gt;/mailbox</c>, which any mail
/// program opens and the Mailbox page lists (each studio sees only its own).
/// </summary>
public sealed class FileMailbox(StippleSettings settings, IClock clock) : IEmailSender
{
    public string Folder => Path.Combine(settings.DataDirectory, "mailbox");

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var now = clock.GetCurrentInstant();
        var name = string.Create(CultureInfo.InvariantCulture, $"{now.ToUnixTimeTicks():D19}-{Guid.NewGuid():N}.eml");
        var text = MimeWriter.Write(message, "Stipple <no-reply@stipple.local>", now.ToDateTimeOffset());
        await File.WriteAllTextAsync(Path.Combine(Folder, name), text, Encoding.UTF8, cancellationToken);
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
        foreach (var file in Directory.EnumerateFiles(Folder, "*.eml").OrderDescending(StringComparer.Ordinal))
        {
            var entry = MailboxEntry.Parse(Path.GetFileName(file), File.ReadAllText(file, Encoding.UTF8));
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

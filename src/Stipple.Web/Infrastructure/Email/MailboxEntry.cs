using System.Text;

namespace Stipple.Web.Infrastructure.Email;

/// <summary>One message of the development mailbox, read back from the .eml that <see cref="MimeWriter"/> wrote.</summary>
public sealed record MailboxEntry(string FileName, string To, string Subject, string Date, string Studio, string Body)
{
    public static MailboxEntry Parse(string fileName, string eml)
    {
        ArgumentNullException.ThrowIfNull(eml);
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? eml : eml[..split];
        var headers = head.Split("\r\n").Select(l => l.Split(": ", 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.OrdinalIgnoreCase);
        var subject = headers.GetValueOrDefault("Subject", "");
        if (subject.StartsWith("=?utf-8?B?", StringComparison.OrdinalIgnoreCase) && subject.EndsWith("?=", StringComparison.Ordinal))
        {
            subject = Encoding.UTF8.GetString(Convert.FromBase64String(subject[10..^2]));
        }

        var body = split < 0 ? "" : Encoding.UTF8.GetString(Convert.FromBase64String(eml[(split + 4)..].Replace("\r\n", "", StringComparison.Ordinal)));
        return new MailboxEntry(fileName, headers.GetValueOrDefault("To", ""), subject, headers.GetValueOrDefault("Date", ""), headers.GetValueOrDefault(MimeWriter.StudioHeader, ""), body);
    }
}

using System.Globalization;
using System.Text;

namespace Stipple.Web.Infrastructure.Email;

/// <summary>Writes a message as RFC 5322 text (the .eml format mail programs open), UTF-8 body in quoted-printable-free base64.</summary>
public static class MimeWriter
{
    public const string StudioHeader = "X-Stipple-Studio";

    public static string Write(EmailMessage message, string from, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.MessageId is { } id && !IsValidMessageId(id))
        {
            throw new ArgumentException("A Message-ID is local@domain of letters, digits and . - _ only.", nameof(message));
        }

        var builder = new StringBuilder();
        builder.Append("From: ").Append(from).Append("\r\n");
        builder.Append("To: ").Append(message.To).Append("\r\n");
        builder.Append("Subject: =?utf-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Subject))).Append("?=\r\n");
        builder.Append("Date: ").Append(date.ToString("ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture).Remove(29, 1)).Append("\r\n");
        builder.Append("Message-ID: <").Append(message.MessageId ?? Guid.NewGuid().ToString("N") + "@stipple.local").Append(">\r\n");
        builder.Append(StudioHeader).Append(": ").Append(message.StudioId.ToString("D")).Append("\r\n");
        builder.Append("MIME-Version: 1.0\r\n");
        builder.Append("Content-Type: text/plain; charset=utf-8\r\n");
        builder.Append("Content-Transfer-Encoding: base64\r\n\r\n");
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Body.ReplaceLineEndings("\r\n")));
        foreach (var line in body.Chunk(76))
        {
            builder.Append(line).Append("\r\n");
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="id"/> is a Message-ID this writer accepts: a simple <c>local@domain</c> (RFC 5322 §3.6.4 dot-atoms).</summary>
    public static bool IsValidMessageId(string id) =>
        id.Length is > 2 and <= 200
        && id.Count(c => c == '@') == 1
        && id[0] != '@' && id[^1] != '@'
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@');
}

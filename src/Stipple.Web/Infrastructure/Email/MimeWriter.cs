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
        var builder = new StringBuilder();
        builder.Append("From: ").Append(from).Append("\r\n");
        builder.Append("To: ").Append(message.To).Append("\r\n");
        builder.Append("Subject: =?utf-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Subject))).Append("?=\r\n");
        builder.Append("Date: ").Append(date.ToString("ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture).Remove(29, 1)).Append("\r\n");
        builder.Append("Message-ID: <").Append(Guid.NewGuid().ToString("N")).Append("@stipple.local>\r\n");
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
}

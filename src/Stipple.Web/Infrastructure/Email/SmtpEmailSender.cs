using System.Net;
using System.Net.Mail;

namespace Stipple.Web.Infrastructure.Email;

/// <summary>
/// Sends through the configured SMTP server with the framework's SmtpClient (MailKit is not in the package mirror;
/// see docs/adr/0006).
/// </summary>
public sealed class SmtpEmailSender(SmtpSettings smtp) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.UseTls };
        if (smtp.User is not null)
        {
            client.Credentials = new NetworkCredential(smtp.User, smtp.Password);
        }

        using var mail = new MailMessage(smtp.From, message.To, message.Subject, message.Body);
        mail.Headers.Add(MimeWriter.StudioHeader, message.StudioId.ToString("D"));
        if (message.MessageId is { } id && MimeWriter.IsValidMessageId(id))
        {
            // SmtpClient adds no Message-ID of its own; a stable one makes a resend recognisable as the same message.
            mail.Headers.Add("Message-ID", "<" + id + ">");
        }
        await client.SendMailAsync(mail, cancellationToken);
    }
}

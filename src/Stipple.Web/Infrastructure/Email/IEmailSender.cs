namespace Stipple.Web.Infrastructure.Email;

/// <summary>Sends one e-mail. SMTP in production; the local mailbox (.eml files) in development and tests.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

namespace Stipple.Web.Infrastructure;

/// <summary>Outgoing mail server. Without it, mail goes to the local mailbox (.eml files and the Mailbox page).</summary>
public sealed record SmtpSettings(string Host, int Port, string? User, string? Password, string From, bool UseTls);

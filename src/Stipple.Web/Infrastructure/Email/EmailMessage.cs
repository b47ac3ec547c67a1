namespace Stipple.Web.Infrastructure.Email;

/// <summary>A plain-text e-mail sent on behalf of a studio (the studio id lets the dev mailbox show each studio its own mail).</summary>
public sealed record EmailMessage(Guid StudioId, string To, string Subject, string Body);

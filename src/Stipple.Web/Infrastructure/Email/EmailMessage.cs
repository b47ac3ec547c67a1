namespace Stipple.Web.Infrastructure.Email;

/// <summary>A plain-text e-mail sent on behalf of a studio (the studio id lets the dev mailbox show each studio its own mail).</summary>
public sealed record EmailMessage(Guid StudioId, string To, string Subject, string Body)
{
    /// <summary>
    /// The Message-ID without angle brackets (e.g. <c>&lt;outbox id&gt;@stipple</c>), when the sender must be able to send the
    /// same message again harmlessly: the same id tells mail programs it is one message, and the development mailbox
    /// overwrites its file instead of adding a second (docs/adr/0015). Null: a fresh id is made.
    /// </summary>
    public string? MessageId { get; init; }
}

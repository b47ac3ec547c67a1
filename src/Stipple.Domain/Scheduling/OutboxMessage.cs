using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// Work to do once the transaction that wrote it commits, when <see cref="DueAt"/> comes (an appointment reminder).
/// <see cref="DedupeKey"/> is unique per studio, so enqueueing the same work twice is harmless. The dispatcher sends
/// each message once and records <see cref="SentAt"/>; a cancelled message is never sent.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public string Kind { get; private set; } = "";

    public string DedupeKey { get; private set; } = "";

    /// <summary>The work's data as a JSON object.</summary>
    public string PayloadJson { get; private set; } = "{}";

    public Instant DueAt { get; private set; }

    public Instant CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public Instant? NextTryAt { get; private set; }

    public Instant? SentAt { get; private set; }

    public Instant? CancelledAt { get; private set; }

    public static OutboxMessage Create(Guid studioId, string kind, string dedupeKey, string payloadJson, Instant dueAt, Instant now) =>
        new()
        {
            StudioId = studioId,
            Id = Guid.NewGuid(),
            Kind = Guard.Required(kind, "kind", 60),
            DedupeKey = Guard.Required(dedupeKey, "dedupeKey", 200),
            PayloadJson = payloadJson,
            DueAt = dueAt,
            CreatedAt = now,
        };

    public void Cancel(Instant now) => CancelledAt ??= now;

    /// <summary>Takes back a cancellation (a moved appointment returns to this reminder's start); never for a sent message.</summary>
    public void Restore() => CancelledAt = SentAt is null ? null : CancelledAt;
}

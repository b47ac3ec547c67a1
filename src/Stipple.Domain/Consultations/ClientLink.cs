using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// A one-time link a client opens to fill the intake and sign consents before the visit. Only the SHA-256 of the
/// token is stored. It works until it is used (the intake is submitted) or expires.
/// </summary>
public sealed class ClientLink
{
    private ClientLink()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid? ConsultationId { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    public Instant ExpiresAt { get; private set; }

    public Instant? UsedAt { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public Instant CreatedAt { get; private set; }

    public static ClientLink Create(Guid studioId, Guid clientId, Guid? consultationId, byte[] tokenHash, Duration lifetime, Guid? createdBy, Instant now) => new()
    {
        StudioId = studioId,
        Id = Guid.NewGuid(),
        ClientId = clientId,
        ConsultationId = consultationId,
        TokenHash = tokenHash,
        ExpiresAt = now + lifetime,
        CreatedBy = createdBy,
        CreatedAt = now,
    };

    public bool IsOpen(Instant now) => UsedAt is null && now < ExpiresAt;

    public void MarkUsed(Instant now) => UsedAt ??= now;
}

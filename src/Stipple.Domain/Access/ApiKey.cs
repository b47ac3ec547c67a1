using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// A studio's API key. The key is shown once when created; only its SHA-256 is kept. <see cref="Prefix"/> is the
/// public part of the key used to find it.
/// </summary>
public sealed class ApiKey
{
    private ApiKey()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Prefix { get; private set; } = "";

    public byte[] SecretHash { get; private set; } = [];

    public Guid? CreatedBy { get; private set; }

    public Instant CreatedAt { get; private set; }

    public Instant? LastUsedAt { get; private set; }

    public Instant? RevokedAt { get; private set; }

    public static ApiKey Create(Guid studioId, Guid id, string name, string prefix, byte[] secretHash, Guid? createdBy, Instant now) =>
        new()
        {
            StudioId = studioId,
            Id = id,
            Name = Guard.Required(name, "name", 80),
            Prefix = prefix,
            SecretHash = secretHash,
            CreatedBy = createdBy,
            CreatedAt = now,
        };

    public bool IsActive => RevokedAt is null;

    public void Revoke(Instant now) => RevokedAt ??= now;

    public void MarkUsed(Instant now) => LastUsedAt = now;
}

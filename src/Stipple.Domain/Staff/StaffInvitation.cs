using NodaTime;

namespace Stipple.Domain;

/// <summary>An owner's invitation to join the studio; the link carries a token whose SHA-256 is stored here.</summary>
public sealed class StaffInvitation
{
    private StaffInvitation()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public string Email { get; private set; } = "";

    public StaffRole Role { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    public Guid InvitedBy { get; private set; }

    public Instant CreatedAt { get; private set; }

    public Instant ExpiresAt { get; private set; }

    public Instant? AcceptedAt { get; private set; }

    public Instant? RevokedAt { get; private set; }

    public static StaffInvitation Create(Guid studioId, Guid id, string email, StaffRole role, byte[] tokenHash, Guid invitedBy, Instant now, Duration validFor) =>
        new()
        {
            StudioId = studioId,
            Id = id,
            Email = Guard.Email(email, "email"),
            Role = Enum.IsDefined(role) ? role : throw new DomainException("role", "is not a staff role."),
            TokenHash = tokenHash,
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + validFor,
        };

    public bool IsOpen(Instant now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;

    public void Accept(Instant now)
    {
        if (!IsOpen(now))
        {
            throw new DomainException("token", "This invitation has expired or was already used. Ask the studio owner for a new one.");
        }

        AcceptedAt = now;
    }

    public void Revoke(Instant now) => RevokedAt ??= now;
}

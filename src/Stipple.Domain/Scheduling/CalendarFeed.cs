using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// A secret iCalendar feed link for one practitioner or one client. Only the SHA-256 of the token is stored; the URL
/// carries the token. Revoking ends the link (a new one can be made).
/// </summary>
public sealed class CalendarFeed
{
    private CalendarFeed()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid? StaffId { get; private set; }

    public Guid? ClientId { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    public Guid? CreatedBy { get; private set; }

    public Instant CreatedAt { get; private set; }

    public Instant? RevokedAt { get; private set; }

    public static CalendarFeed ForStaff(Guid studioId, Guid staffId, byte[] tokenHash, Guid? createdBy, Instant now) =>
        new() { StudioId = studioId, Id = Guid.NewGuid(), StaffId = staffId, TokenHash = tokenHash, CreatedBy = createdBy, CreatedAt = now };

    public static CalendarFeed ForClient(Guid studioId, Guid clientId, byte[] tokenHash, Guid? createdBy, Instant now) =>
        new() { StudioId = studioId, Id = Guid.NewGuid(), ClientId = clientId, TokenHash = tokenHash, CreatedBy = createdBy, CreatedAt = now };

    public void Revoke(Instant now) => RevokedAt ??= now;
}

using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// A client's sign-in to the portal (plan, bookings, aftercare, check-ins). The table exists from the start so staff and
/// client principals never share a table; the portal itself comes later.
/// </summary>
public sealed class ClientAccount
{
    private ClientAccount()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public string Email { get; private set; } = "";

    public string? PasswordHash { get; private set; }

    public Instant CreatedAt { get; private set; }

    public static ClientAccount Create(Guid studioId, Guid id, Guid clientId, string email, Instant now) =>
        new() { StudioId = studioId, Id = id, ClientId = clientId, Email = Guard.Email(email, "email"), CreatedAt = now };
}

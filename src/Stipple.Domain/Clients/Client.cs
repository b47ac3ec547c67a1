using NodaTime;

namespace Stipple.Domain;

/// <summary>A studio's client: the person who receives consultations and treatment.</summary>
public sealed class Client
{
    private Client()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public string GivenName { get; private set; } = "";

    public string FamilyName { get; private set; } = "";

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public Instant CreatedAt { get; private set; }

    public Instant UpdatedAt { get; private set; }

    public string FullName => $"{GivenName} {FamilyName}";

    public static Client Create(Guid studioId, Guid id, string givenName, string familyName, string? email, string? phone, Instant now)
    {
        var client = new Client { StudioId = studioId, Id = id, CreatedAt = now };
        client.Update(givenName, familyName, email, phone, now);
        return client;
    }

    public void Update(string givenName, string familyName, string? email, string? phone, Instant now)
    {
        GivenName = Guard.Required(givenName, "givenName", 80);
        FamilyName = Guard.Required(familyName, "familyName", 80);
        Email = Guard.OptionalEmail(email, "email");
        Phone = Guard.OptionalPhone(phone, "phone");
        UpdatedAt = now;
    }
}

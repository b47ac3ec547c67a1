using NodaTime;

namespace Stipple.Domain;

/// <summary>A dated note about a client by a member of staff.</summary>
public sealed class ClientNote
{
    private ClientNote()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public string Body { get; private set; } = "";

    public Guid? AuthorId { get; private set; }

    public Instant CreatedAt { get; private set; }

    public static ClientNote Create(Guid studioId, Guid clientId, string? body, Guid? authorId, Instant now) => new()
    {
        StudioId = studioId,
        Id = Guid.NewGuid(),
        ClientId = clientId,
        Body = Guard.Required(body, "body", 4000),
        AuthorId = authorId,
        CreatedAt = now,
    };
}

using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// One version of a consent text. Saving an edit writes the next version; the database refuses changes to a saved
/// one. <see cref="ContentHash"/> is what a signed consent records, so the exact text signed can always be shown.
/// </summary>
public sealed class ConsentTemplate
{
    private ConsentTemplate()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public ConsentKind Kind { get; private set; }

    public int Version { get; private set; }

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public string ContentHash { get; private set; } = "";

    public Guid? CreatedBy { get; private set; }

    public Instant CreatedAt { get; private set; }

    public static ConsentTemplate Create(Guid studioId, ConsentKind kind, int version, string? title, string? body, Guid? createdBy, Instant now)
    {
        var cleanTitle = Guard.Required(title, "title", 200);
        var cleanBody = NormaliseBody(Guard.Required(body, "body", 50000));
        return new ConsentTemplate
        {
            StudioId = studioId,
            Id = Guid.NewGuid(),
            Kind = kind,
            Version = version >= 1 ? version : throw new DomainException("version", "must be 1 or more."),
            Title = cleanTitle,
            Body = cleanBody,
            ContentHash = HashOf(cleanTitle, cleanBody),
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    /// <summary>Lower-case hex SHA-256 of the title, a line feed and the body (UTF-8), as signed.</summary>
    public static string HashOf(string title, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + body)));

    /// <summary>Line endings as line feeds and no trailing spaces, so the same text always hashes the same.</summary>
    public static string NormaliseBody(string body) =>
        string.Join('\n', body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd())).Trim();
}

using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// One version of the studio's own intake questions (a JSON array of <c>{key, question, reviewWhenYes}</c>). Saving
/// the questions writes a new version; each intake records the version it answered.
/// </summary>
public sealed class IntakeForm
{
    private IntakeForm()
    {
    }

    public Guid StudioId { get; private set; }

    public int Version { get; private set; }

    public string QuestionsJson { get; private set; } = "[]";

    /// <summary>Lower-case hex SHA-256 of <see cref="QuestionsJson"/>.</summary>
    public string ContentHash { get; private set; } = "";

    public Guid? CreatedBy { get; private set; }

    public Instant CreatedAt { get; private set; }

    public static IntakeForm Create(Guid studioId, int version, string questionsJson, string contentHash, Guid? createdBy, Instant now) => new()
    {
        StudioId = studioId,
        Version = version >= 1 ? version : throw new DomainException("version", "must be 1 or more."),
        QuestionsJson = questionsJson,
        ContentHash = contentHash,
        CreatedBy = createdBy,
        CreatedAt = now,
    };
}

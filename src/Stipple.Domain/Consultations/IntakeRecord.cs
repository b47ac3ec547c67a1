using NodaTime;

namespace Stipple.Domain;

/// <summary>Where an intake came from.</summary>
public enum IntakeSource
{
    /// <summary>Filled by staff at the chair.</summary>
    Staff,

    /// <summary>Filled by the client through a one-time link before the visit.</summary>
    ClientLink,

    /// <summary>Posted through the API.</summary>
    Api,
}

/// <summary>
/// A submitted intake: the <c>Stipple.Core.Care.Intake</c> document as JSON, never changed afterwards (the database
/// refuses updates); a correction is a new intake.
/// </summary>
public sealed class IntakeRecord
{
    private IntakeRecord()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    /// <summary>The version of the studio's own questions it answered; null when the studio had none.</summary>
    public int? FormVersion { get; private set; }

    public string AnswersJson { get; private set; } = "{}";

    public IntakeSource Source { get; private set; }

    public Guid? SubmittedBy { get; private set; }

    public Instant CreatedAt { get; private set; }

    public static IntakeRecord Create(Guid studioId, Guid clientId, int? formVersion, string answersJson, IntakeSource source, Guid? submittedBy, Instant now) => new()
    {
        StudioId = studioId,
        Id = Guid.NewGuid(),
        ClientId = clientId,
        FormVersion = formVersion,
        AnswersJson = answersJson,
        Source = source,
        SubmittedBy = submittedBy,
        CreatedAt = now,
    };
}

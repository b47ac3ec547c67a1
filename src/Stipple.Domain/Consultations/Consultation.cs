using NodaTime;
using Stipple.Core.Colour;

namespace Stipple.Domain;

/// <summary>
/// A consultation: the date, the practitioner, the intake and its screening result, photos, consents (their own
/// tables point here), notes and the pigment recommendation chosen.
/// </summary>
public sealed class Consultation
{
    private Consultation()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public LocalDate HeldOn { get; private set; }

    public Guid? PractitionerId { get; private set; }

    public Guid? IntakeId { get; private set; }

    /// <summary>The <c>ScreeningResult</c> shown for the intake, as JSON (jsonb); null before an intake.</summary>
    public string? ScreeningJson { get; private set; }

    /// <summary>The overall screening outcome's name (e.g. <c>DeferUntil</c>); null before an intake.</summary>
    public string? ScreeningOutcome { get; private set; }

    public string? Notes { get; private set; }

    public Guid? PigmentId { get; private set; }

    public int? PigmentParts { get; private set; }

    public int? WaterParts { get; private set; }

    /// <summary>The chosen dilution, or null when no recommendation was chosen.</summary>
    public Dilution? PigmentDilution => PigmentParts is { } p && WaterParts is { } w ? new Dilution(p, w) : null;

    public Instant CreatedAt { get; private set; }

    public Instant UpdatedAt { get; private set; }

    public static Consultation Create(Guid studioId, Guid clientId, LocalDate heldOn, Guid? practitionerId, Instant now) => new()
    {
        StudioId = studioId,
        Id = Guid.NewGuid(),
        ClientId = clientId,
        HeldOn = heldOn,
        PractitionerId = practitionerId,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void RecordScreening(Guid intakeId, string screeningJson, string outcome, Instant now)
    {
        IntakeId = intakeId;
        ScreeningJson = screeningJson;
        ScreeningOutcome = outcome;
        UpdatedAt = now;
    }

    public void SetNotes(string? notes, Instant now)
    {
        Notes = Guard.Optional(notes, "notes", 8000);
        UpdatedAt = now;
    }

    public void ChoosePigment(Guid? pigmentId, Dilution? dilution, Instant now)
    {
        var chosen = pigmentId is null ? (Dilution?)null : dilution ?? throw new DomainException("dilution", "is required with a pigment.");
        PigmentId = pigmentId;
        PigmentParts = chosen?.PigmentParts;
        WaterParts = chosen?.WaterParts;
        UpdatedAt = now;
    }
}

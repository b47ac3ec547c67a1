using NodaTime;
using Stipple.Core.Colour;

namespace Stipple.Domain;

/// <summary>
/// A measured healed result, the raw material of calibration: this pigment (and lot) at this dilution on this skin
/// healed to this colour. Erasing the client keeps the measurement and drops the link (client_id becomes null).
/// </summary>
public sealed class ColourRecord
{
    public const int MaxNoteLength = 2000;

    private ColourRecord()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid PigmentId { get; private set; }

    public Guid? LotId { get; private set; }

    public Guid? ClientId { get; private set; }

    /// <summary>The mix that was used, pigment parts to water parts.</summary>
    public Dilution Dilution { get; private set; }

    /// <summary>The untreated skin beside the work (CIELAB, D65).</summary>
    public Lab Skin { get; private set; }

    /// <summary>The healed work (CIELAB, D65).</summary>
    public Lab Healed { get; private set; }

    /// <summary>The day of the session whose healed result this is.</summary>
    public LocalDate SessionOn { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The member of staff who measured it.</summary>
    public Guid? RecordedBy { get; private set; }

    public Instant CreatedAt { get; private set; }

    /// <summary>
    /// A new record; errors name the field: <c>dilution</c>, <c>skin.l</c>, <c>healed.b</c>, <c>note</c>. That the
    /// lot belongs to the pigment and was in date is for the caller to check (PigmentService.CheckLotAsync).
    /// </summary>
    public static ColourRecord Create(
        Guid studioId,
        Guid id,
        Guid pigmentId,
        Guid? lotId,
        Guid? clientId,
        Dilution dilution,
        Lab skin,
        Lab healed,
        LocalDate sessionOn,
        string? note,
        Guid? recordedBy,
        Instant now)
    {
        if (Dilution.Check(dilution.PigmentParts, dilution.WaterParts) is { } problem)
        {
            throw new DomainException("dilution", problem);
        }

        return new ColourRecord
        {
            StudioId = studioId,
            Id = id,
            PigmentId = pigmentId,
            LotId = lotId,
            ClientId = clientId,
            Dilution = dilution,
            Skin = Pigment.ValidLab(skin, "skin"),
            Healed = Pigment.ValidLab(healed, "healed"),
            SessionOn = sessionOn,
            Note = Guard.Optional(note, "note", MaxNoteLength),
            RecordedBy = recordedBy,
            CreatedAt = now,
        };
    }
}

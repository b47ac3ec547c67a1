using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// One saved version of a consultation's design: the canonical stipple.design/1 JSON, a note, and the figures from
/// stippling it once when saved. Numbered 1, 2, 3… per consultation; the database refuses any change to it.
/// </summary>
public sealed class DesignVersion
{
    /// <summary>Longest note, in characters.</summary>
    public const int MaxNoteLength = 500;

    private DesignVersion()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid ConsultationId { get; private set; }

    /// <summary>1 for the consultation's first saved design, then 2, 3…</summary>
    public int Number { get; private set; }

    /// <summary>The design as <c>DesignJson.Serialize</c> wrote it (jsonb).</summary>
    public string DocumentJson { get; private set; } = "";

    /// <summary>What changed or why, in the practitioner's words; empty when none was given.</summary>
    public string Note { get; private set; } = "";

    /// <summary>Dots over every session when the design was stippled.</summary>
    public int TotalDots { get; private set; }

    /// <summary>Height of the hairline on the midline above the glabella, in mm.</summary>
    public double MidFrontalPointMm { get; private set; }

    public Guid? CreatedBy { get; private set; }

    public Instant CreatedAt { get; private set; }

    public static DesignVersion Create(
        Guid studioId, Guid consultationId, int number, string documentJson, string? note, int totalDots, double midFrontalPointMm, Guid? createdBy, Instant now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(documentJson);
        ArgumentOutOfRangeException.ThrowIfNegative(totalDots);
        return new DesignVersion
        {
            StudioId = studioId,
            Id = Guid.NewGuid(),
            ConsultationId = consultationId,
            Number = number,
            DocumentJson = documentJson,
            Note = Guard.Optional(note, "note", MaxNoteLength) ?? "",
            TotalDots = totalDots,
            MidFrontalPointMm = double.IsFinite(midFrontalPointMm) ? midFrontalPointMm : throw new ArgumentOutOfRangeException(nameof(midFrontalPointMm)),
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }
}

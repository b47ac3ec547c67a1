namespace Stipple.Core.Care;

/// <summary>
/// The answer to one of the studio's own yes/no intake questions. When <see cref="ReviewWhenYes"/> is set and the
/// answer is yes, screening raises a warning for the practitioner.
/// </summary>
public sealed record StudioAnswer
{
    /// <summary>The question's stable key within the studio's questionnaire.</summary>
    public string Key { get; init; } = "";

    /// <summary>The question's wording when it was answered.</summary>
    public string Question { get; init; } = "";

    public bool Yes { get; init; }

    public bool ReviewWhenYes { get; init; }

    /// <summary>Optional details the client added.</summary>
    public string? Details { get; init; }
}

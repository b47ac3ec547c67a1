using NodaTime;
using Stipple.Core.Colour;
using Stipple.Web.Features.Pigments;

namespace Stipple.Web.Features.Colour;

/// <summary>A colour with its nearest hex, for swatches.</summary>
public sealed record ColourDto(string Hex, LabDto Lab)
{
    public static ColourDto From(Lab lab) => new(lab.ToHex(), LabDto.From(lab));
}

/// <summary>
/// A colour as a person gives it: exactly one of <c>hex</c>, <c>lab</c>, a hair <c>level</c> 1–10 (hair only) or a
/// <c>fitzpatrick</c> type 1–6 with an optional <c>undertone</c> (skin only).
/// </summary>
public sealed class ColourInput
{
    public string? Hex { get; set; }

    public LabInput? Lab { get; set; }

    public int? Level { get; set; }

    public int? Fitzpatrick { get; set; }

    public string? Undertone { get; set; }
}

/// <summary>Pixels of a photo region, packed 8-bit R, G, B, base64-encoded.</summary>
public sealed class MeasureInput
{
    public string? Pixels { get; set; }
}

public sealed record MeasureResult(ColourDto Colour, int Used, int DroppedBright, int DroppedDark);

/// <summary>What to match: the client's hair and skin, or a chosen target shade on their skin.</summary>
public sealed class MatchInput
{
    public ColourInput? Hair { get; set; }

    public ColourInput? Skin { get; set; }

    /// <summary>A chosen shade instead of the natural stubble shade from <see cref="Hair"/>.</summary>
    public ColourInput? Target { get; set; }

    /// <summary>Ratios to rank instead of the studio's, e.g. "1:0, 1:1, 1:2".</summary>
    public string? Dilutions { get; set; }

    /// <summary>How many recommendations to return (1–200, default 10).</summary>
    public int? Top { get; set; }
}

public sealed record MatchResponse(
    ColourDto Target,
    string TargetSource,
    ColourDto Skin,
    IReadOnlyList<string> Dilutions,
    ModelSummary Model,
    int Ranked,
    IReadOnlyList<RecommendationDto> Recommendations,
    string Note);

public sealed record RecommendationDto(
    int Rank,
    Guid PigmentId,
    string Pigment,
    string Kind,
    string Dilution,
    ColourDto Fresh,
    ColourDto Healed,
    double DeltaE,
    SessionOneDto SessionOne,
    IReadOnlyList<LotChoice> Lots);

public sealed record SessionOneDto(string Dilution, ColourDto Healed, double DeltaE);

/// <summary>A lot that may be chosen today (in date).</summary>
public sealed record LotChoice(Guid Id, string LotNumber, LocalDate ExpiresOn);

/// <summary>Which appearance-model parameters the studio's matches use, and how well they predict.</summary>
public sealed record ModelSummary(
    string Source,
    int RecordCount,
    int RecordsNeeded,
    double HealedStrength,
    double HealedVeil,
    double ScatterTilt,
    double? HeldOutErrorDefault,
    double? HeldOutErrorFitted,
    Instant? FittedAt);

/// <summary>A measured healed result as a form or the API sends it.</summary>
public sealed class ColourRecordInput
{
    public Guid? PigmentId { get; set; }

    public Guid? LotId { get; set; }

    public Guid? ClientId { get; set; }

    /// <summary>pigment:water, e.g. "1:2".</summary>
    [System.ComponentModel.DataAnnotations.StringLength(20)]
    public string? Dilution { get; set; }

    /// <summary>The client's skin beside the dots (hex or lab).</summary>
    public ColourInput? Skin { get; set; }

    /// <summary>The healed dots' colour measured on the healed-review photo (hex or lab).</summary>
    public ColourInput? Healed { get; set; }

    /// <summary>The day of the session that placed the pigment, ISO 8601 (2026-10-02).</summary>
    [System.ComponentModel.DataAnnotations.StringLength(40)]
    public string? SessionOn { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(4000)]
    public string? Note { get; set; }
}

/// <summary>A recorded healed result, with what the studio's current model predicts for it.</summary>
public sealed record ColourRecordDto(
    Guid Id,
    Guid PigmentId,
    string Pigment,
    Guid? LotId,
    string? LotNumber,
    string Dilution,
    ColourDto Skin,
    ColourDto Healed,
    ColourDto Predicted,
    double DeltaE,
    LocalDate SessionOn,
    string? Note,
    Instant CreatedAt);

using System.Text.Json.Serialization;
using NodaTime;
using Stipple.Core.Design;

namespace Stipple.Web.Features.DesignStudio;

/// <summary>A consultation's saved designs, newest first, and the approval that currently stands (null when none).</summary>
public sealed record DesignVersionListDto(IReadOnlyList<DesignVersionSummaryDto> Versions, DesignApprovalDto? Approval);

/// <summary>One saved design in a list, without its document.</summary>
/// <param name="Number">1, 2, 3… per consultation.</param>
/// <param name="Note">The practitioner's note; empty when none.</param>
/// <param name="CreatedAt">When it was saved.</param>
/// <param name="AuthorName">Who saved it; null when saved through an API key or when that member of staff was removed.</param>
/// <param name="TotalDots">Dots over every session.</param>
/// <param name="MidFrontalPointMm">Height of the hairline on the midline above the glabella, in mm.</param>
/// <param name="Approved">True for the version the current approval is of.</param>
public sealed record DesignVersionSummaryDto(int Number, string Note, Instant CreatedAt, string? AuthorName, int TotalDots, double MidFrontalPointMm, bool Approved);

/// <summary>
/// One saved design with its document: the fields of <see cref="DesignVersionSummaryDto"/>, and the design in the
/// stipple.design/1 format exactly as <see cref="DesignJson"/> writes it (kebab-case values, points as [x, y]).
/// </summary>
public sealed record DesignVersionDto(
    int Number,
    string Note,
    Instant CreatedAt,
    string? AuthorName,
    int TotalDots,
    double MidFrontalPointMm,
    bool Approved,
    [property: JsonConverter(typeof(DesignDocumentJsonConverter))] DesignDocument Design);

/// <summary>The client's approval of a design version.</summary>
/// <param name="Number">The version approved.</param>
/// <param name="ApprovedAt">When the approval was recorded.</param>
/// <param name="ClientName">The name the client typed.</param>
/// <param name="RecordedByName">The member of staff who recorded it; null through an API key.</param>
public sealed record DesignApprovalDto(int Number, Instant ApprovedAt, string ClientName, string? RecordedByName);

/// <summary>The body of <c>POST …/designs/{number}/approval</c>.</summary>
/// <param name="ClientName">The client's name as they type it, 1–120 characters.</param>
public sealed record DesignApprovalInput(string? ClientName);

/// <summary>
/// The body of <c>POST /api/v1/consultations/{id}/designs</c>, as documented. The endpoint reads the body itself
/// (<see cref="DesignVersionBody"/>) so the design's errors keep their JSON paths.
/// </summary>
/// <param name="Note">Optional, at most 500 characters.</param>
/// <param name="Design">A stipple.design/1 document (docs/design-format.md), at most 1 MiB.</param>
public sealed record SaveDesignVersionRequest(string? Note, DesignDocument Design);

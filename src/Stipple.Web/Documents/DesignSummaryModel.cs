using NodaTime;
using Stipple.Core.Design;

namespace Stipple.Web.Documents;

/// <summary>Everything the design summary PDF shows, already in the studio's words, zone and language.</summary>
public sealed record DesignSummaryModel(
    string StudioName,
    string ClientName,
    string ClientDateOfBirth,
    string ConsultationDate,
    string? Practitioner,
    int Version,
    string Saved,
    string? Note,
    string Approval,
    IReadOnlyList<DesignSummaryPhoto> Photos,
    byte[] MapPreviewPng,
    DesignDocument Design,
    DesignReport Report,
    double HairlineHeightMm,
    string Pigment,
    Guid ConsultationId,
    Instant CreatedAt);

/// <summary>
/// One consultation photo with the healed design over it: the stored file (JPEG or PNG) with its EXIF orientation,
/// the size it is shown at, and a transparent PNG of the dots at that size. <see cref="Problem"/> says why a photo
/// cannot be shown (e.g. WebP, which PDF cannot hold).
/// </summary>
public sealed record DesignSummaryPhoto(string Caption, byte[] File, int Orientation, int DisplayWidth, int DisplayHeight, byte[]? OverlayPng, string? Problem);

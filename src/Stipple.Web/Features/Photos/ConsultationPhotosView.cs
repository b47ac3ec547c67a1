using Stipple.Domain;

namespace Stipple.Web.Features.Photos;

/// <summary>The photo panel's model: every standard angle with its photo, if taken, and the clearances on file.</summary>
public sealed record ConsultationPhotosView(
    Guid ConsultationId,
    Guid ClientId,
    bool CanEdit,
    IReadOnlyList<(PhotoAngle Angle, PhotoDto? Photo)> Angles,
    IReadOnlyList<ClearanceDto> Clearances);

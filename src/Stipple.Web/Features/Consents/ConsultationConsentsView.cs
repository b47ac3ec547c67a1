using Stipple.Web.Features.Layout;

namespace Stipple.Web.Features.Consents;

/// <summary>What the consultation's consent panel shows.</summary>
public sealed record ConsultationConsentsView(Guid ConsultationId, bool CanEdit, IReadOnlyList<ConsentStatus> Consents, StudioClock Clock);

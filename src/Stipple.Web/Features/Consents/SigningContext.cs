using NodaTime;

namespace Stipple.Web.Features.Consents;

/// <summary>What the signing page shows: the consultation's client and the current text to sign.</summary>
public sealed record SigningContext(Guid ConsultationId, Guid ClientId, string ClientName, LocalDate HeldOn, ConsentTemplateDto Template);

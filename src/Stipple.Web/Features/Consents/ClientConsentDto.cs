using System.Text.Json.Serialization;
using NodaTime;
using Stipple.Domain;

namespace Stipple.Web.Features.Consents;

/// <summary>A consent a client signed (without the drawn signature; its PDF has it).</summary>
/// <param name="Id">The signed consent's id (its PDF is at /api/v1/consents/{id}/pdf).</param>
/// <param name="Kind">smp-treatment, photo-use or data-processing.</param>
/// <param name="Version">The template version signed.</param>
/// <param name="ContentHash">SHA-256 of the text signed, as hex.</param>
/// <param name="TypedName">The name the client typed.</param>
/// <param name="SignedAt">When it was signed.</param>
/// <param name="ConsultationId">The consultation it was signed at, if any.</param>
/// <param name="Current">True when it was signed against the studio's current text of its kind; false means the text
/// changed since and the client is asked again.</param>
public sealed record ClientConsentDto(Guid Id, string Kind, int Version, string ContentHash, string TypedName, Instant SignedAt, Guid? ConsultationId, bool Current)
{
    [JsonIgnore]
    public ConsentKind KindValue => ConsentKinds.TryParse(Kind, out var kind) ? kind : throw new InvalidOperationException($"Unknown consent kind '{Kind}'.");
}

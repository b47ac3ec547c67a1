using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// A signed consent: which template version (and its hash) the client read, their typed name and drawn signature,
/// when, from which IP address and browser. The database refuses any change to it.
/// </summary>
public sealed class Consent
{
    private Consent()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid? ConsultationId { get; private set; }

    public Guid TemplateId { get; private set; }

    public ConsentKind Kind { get; private set; }

    public int TemplateVersion { get; private set; }

    public string ContentHash { get; private set; } = "";

    public string TypedName { get; private set; } = "";

    public byte[] SignaturePng { get; private set; } = [];

    public Instant SignedAt { get; private set; }

    public string IpAddress { get; private set; } = "";

    public string UserAgent { get; private set; } = "";

    /// <summary>The member of staff present when the client signed at the chair; null when signed through a link.</summary>
    public Guid? WitnessedBy { get; private set; }

    public static Consent Sign(ConsentTemplate template, Guid clientId, Guid? consultationId, ConsentSignature signature, Guid? witnessedBy, Instant now)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(signature);
        return new Consent
        {
            StudioId = template.StudioId,
            Id = Guid.NewGuid(),
            ClientId = clientId,
            ConsultationId = consultationId,
            TemplateId = template.Id,
            Kind = template.Kind,
            TemplateVersion = template.Version,
            ContentHash = template.ContentHash,
            TypedName = Guard.Required(signature.TypedName, "typedName", 160),
            SignaturePng = signature.Png,
            SignedAt = now,
            IpAddress = Truncate(signature.IpAddress, 64),
            UserAgent = Truncate(signature.UserAgent, 1000),
            WitnessedBy = witnessedBy,
        };
    }

    private static string Truncate(string? text, int length) =>
        string.IsNullOrEmpty(text) ? "unknown" : text.Length <= length ? text : text[..length];
}

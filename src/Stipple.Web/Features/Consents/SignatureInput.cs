using System.ComponentModel.DataAnnotations;

namespace Stipple.Web.Features.Consents;

/// <summary>What the signing form sends.</summary>
public sealed class SignatureInput
{
    /// <summary>The client's name as they typed it (1–160 characters).</summary>
    [StringLength(400)]
    public string? TypedName { get; set; }

    /// <summary>The drawn signature: a data URL (data:image/png;base64,…) as canvas.toDataURL gives it, or bare base64.</summary>
    [StringLength(800_000)]
    public string? SignaturePng { get; set; }

    /// <summary>How many points the pad recorded across all strokes (signature-pad.js counts them).</summary>
    public int? StrokePoints { get; set; }

    /// <summary>The template version the page showed; a newer one saved meanwhile is refused rather than signed unseen.</summary>
    public Guid? TemplateId { get; set; }
}

using System.Text.Json.Serialization;
using NodaTime;
using Stipple.Domain;

namespace Stipple.Web.Features.Consents;

/// <summary>One version of a consent text.</summary>
/// <param name="Id">The version's id; a signed consent names it.</param>
/// <param name="Kind">smp-treatment, photo-use or data-processing.</param>
/// <param name="Label">The kind as people read it, e.g. "SMP treatment".</param>
/// <param name="Version">1 for the studio's first text of this kind, one more for every saved edit.</param>
/// <param name="Title">The consent's title.</param>
/// <param name="Body">The full text: paragraphs separated by blank lines, "- " lines as bullets.</param>
/// <param name="ContentHash">Lower-case hex SHA-256 of the title, a line feed and the body (UTF-8).</param>
/// <param name="CreatedAt">When this version was saved.</param>
public sealed record ConsentTemplateDto(Guid Id, string Kind, string Label, int Version, string Title, string Body, string ContentHash, Instant CreatedAt)
{
    [JsonIgnore]
    public ConsentKind KindValue => ConsentKinds.TryParse(Kind, out var kind) ? kind : throw new InvalidOperationException($"Unknown consent kind '{Kind}'.");

    /// <summary>The first 12 hex digits of the hash, enough to tell versions apart on a page.</summary>
    [JsonIgnore]
    public string ShortHash => ContentHash[..12];

    public static ConsentTemplateDto From(ConsentTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new(template.Id, ConsentKinds.Code(template.Kind), ConsentKinds.Label(template.Kind), template.Version, template.Title, template.Body, template.ContentHash, template.CreatedAt);
    }
}

namespace Stipple.Web.Features.Consents;

/// <summary>The current version after a save, and whether the save wrote a new one (unchanged text writes nothing).</summary>
public sealed record TemplateSaved(ConsentTemplateDto Template, bool Created);

using System.ComponentModel.DataAnnotations;

namespace Stipple.Web.Features.Consents;

/// <summary>An edited consent text, as the settings form sends it.</summary>
public sealed class TemplateInput
{
    [StringLength(400)]
    public string? Title { get; set; }

    [StringLength(100_000)]
    public string? Body { get; set; }

    /// <summary>The version the owner started editing from; another owner's save in between is reported, not overwritten.</summary>
    public int? BasedOnVersion { get; set; }
}

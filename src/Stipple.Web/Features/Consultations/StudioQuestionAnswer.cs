using System.ComponentModel.DataAnnotations;

namespace Stipple.Web.Features.Consultations;

/// <summary>The client's answer to one of the studio's own questions.</summary>
public sealed class StudioQuestionAnswer
{
    [StringLength(40)]
    public string? Key { get; set; }

    public bool Yes { get; set; }

    [StringLength(1000)]
    public string? Details { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace Stipple.Web.Features.StudioCalendar;

/// <summary>A new closure as typed: ISO dates (what <c>input type="date"</c> sends) and a reason; kept as text so a bad value is shown back.</summary>
public sealed class ClosureInput
{
    [StringLength(40)]
    public string? StartsOn { get; set; }

    [StringLength(40)]
    public string? EndsOn { get; set; }

    [StringLength(400)]
    public string? Reason { get; set; }
}

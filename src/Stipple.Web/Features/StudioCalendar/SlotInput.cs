using System.ComponentModel.DataAnnotations;

namespace Stipple.Web.Features.StudioCalendar;

/// <summary>One interval of a day in the weekly hours table, as typed ("09:00").</summary>
public sealed class SlotInput
{
    [StringLength(20)]
    public string? Opens { get; set; }

    [StringLength(20)]
    public string? Closes { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Opens) && string.IsNullOrWhiteSpace(Closes);
}

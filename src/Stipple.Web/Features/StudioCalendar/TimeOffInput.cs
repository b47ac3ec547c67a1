using System.ComponentModel.DataAnnotations;

namespace Stipple.Web.Features.StudioCalendar;

/// <summary>
/// Time off as typed: local date-times in the studio's zone such as 2026-03-29T01:30 (what
/// <c>input type="datetime-local"</c> sends) and an optional reason; text, so a bad value is shown back with its error.
/// </summary>
public sealed class TimeOffInput
{
    [StringLength(40)]
    public string? StartsAt { get; set; }

    [StringLength(40)]
    public string? EndsAt { get; set; }

    [StringLength(400)]
    public string? Reason { get; set; }
}

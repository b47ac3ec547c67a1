namespace Stipple.Web.Features.StudioCalendar;

/// <summary>The studio's opening hours and the IANA time zone they are in (edited under the studio's settings).</summary>
public sealed record StudioHoursDto(string TimeZone, IReadOnlyList<HoursInterval> Intervals);

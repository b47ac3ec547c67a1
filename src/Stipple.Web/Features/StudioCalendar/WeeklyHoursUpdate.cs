namespace Stipple.Web.Features.StudioCalendar;

/// <summary>The body of <c>PUT /api/v1/studio/hours</c>: every interval of the week (they replace the current ones).</summary>
public sealed record WeeklyHoursUpdate(IReadOnlyList<HoursInterval>? Intervals);

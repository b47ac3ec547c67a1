namespace Stipple.Web.Features.Calendar;

/// <summary>A practitioner or a room, as a calendar column (or a row of the week summary).</summary>
public sealed record CalendarResource(Guid Id, string Name);

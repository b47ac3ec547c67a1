namespace Stipple.Web.Features.StudioCalendar;

/// <summary>Time off as stored, with a note for each typed time that a daylight-saving change moved (<see cref="StudioLocalTime"/>).</summary>
public sealed record TimeOffAdded(TimeOffDto TimeOff, IReadOnlyList<string> Notes);

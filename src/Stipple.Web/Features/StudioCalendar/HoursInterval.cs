namespace Stipple.Web.Features.StudioCalendar;

/// <summary>
/// One weekly interval as the API and the forms exchange it: ISO weekday (1 = Monday … 7 = Sunday) and 24-hour local
/// times "HH:mm" on a quarter hour, <see cref="Closes"/> after <see cref="Opens"/> on the same day.
/// </summary>
public sealed record HoursInterval(int Weekday, string? Opens, string? Closes);

using NodaTime;

namespace Stipple.Core.Scheduling;

/// <summary>
/// What the client would like. <see cref="Weekdays"/> empty means any day; <see cref="EarliestStart"/> and
/// <see cref="LatestStart"/> bound the preferred start time of day (local); <see cref="PractitionerId"/> is the preferred
/// practitioner. Preferences rank schedules, they never exclude one.
/// </summary>
public sealed record SchedulePreferences(
    IReadOnlySet<IsoDayOfWeek> Weekdays,
    LocalTime? EarliestStart = null,
    LocalTime? LatestStart = null,
    Guid? PractitionerId = null)
{
    public static SchedulePreferences None { get; } = new(new HashSet<IsoDayOfWeek>());
}

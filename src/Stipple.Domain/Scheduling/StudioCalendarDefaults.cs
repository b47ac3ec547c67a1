using NodaTime;

namespace Stipple.Domain;

/// <summary>The calendar a new studio starts with (as migration 0007 gives studios that existed before it).</summary>
public static class StudioCalendarDefaults
{
    /// <summary>Opens at 09:00.</summary>
    public static LocalTime Opens { get; } = new(9, 0);

    /// <summary>Closes at 18:00.</summary>
    public static LocalTime Closes { get; } = new(18, 0);

    /// <summary>Monday to Saturday, 09:00–18:00.</summary>
    public static IReadOnlyList<WeeklyHours> OpeningHours(Guid studioId) =>
        [.. Enumerable.Range(1, 6).Select(d => WeeklyHours.Create(studioId, null, (IsoDayOfWeek)d, Opens, Closes))];
}

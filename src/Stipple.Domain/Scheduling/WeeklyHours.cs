using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// One weekly interval of local time: the studio's opening hours when <see cref="StaffId"/> is null, else a
/// practitioner's working hours. Intervals of one owner on one weekday never overlap (the database refuses).
/// </summary>
public sealed class WeeklyHours
{
    private WeeklyHours()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    /// <summary>The practitioner these hours belong to, or null for the studio's opening hours.</summary>
    public Guid? StaffId { get; private set; }

    public IsoDayOfWeek Weekday { get; private set; }

    public LocalTime Opens { get; private set; }

    public LocalTime Closes { get; private set; }

    public static WeeklyHours Create(Guid studioId, Guid? staffId, IsoDayOfWeek weekday, LocalTime opens, LocalTime closes)
    {
        if (weekday is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new DomainException("weekday", "must be a day of the week.");
        }

        if (closes <= opens)
        {
            throw new DomainException("closes", "must be after the opening time (hours cannot cross midnight).");
        }

        if (opens.Minute % 15 != 0 || closes.Minute % 15 != 0 || opens.Second != 0 || closes.Second != 0)
        {
            throw new DomainException(opens.Minute % 15 != 0 || opens.Second != 0 ? "opens" : "closes", "must be on a quarter hour (for example 09:00 or 17:30).");
        }

        return new WeeklyHours { StudioId = studioId, Id = Guid.NewGuid(), StaffId = staffId, Weekday = weekday, Opens = opens, Closes = closes };
    }
}

using NodaTime;

namespace Stipple.Domain;

/// <summary>Whole local days the studio is closed (a bank holiday, a refit), <see cref="StartsOn"/> to <see cref="EndsOn"/> inclusive.</summary>
public sealed class StudioClosure
{
    private StudioClosure()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public LocalDate StartsOn { get; private set; }

    public LocalDate EndsOn { get; private set; }

    public string Reason { get; private set; } = "";

    public static StudioClosure Create(Guid studioId, LocalDate startsOn, LocalDate endsOn, string? reason)
    {
        if (endsOn < startsOn)
        {
            throw new DomainException("endsOn", "must not be before the first day.");
        }

        if (Period.DaysBetween(startsOn, endsOn) > 366)
        {
            throw new DomainException("endsOn", "must be within a year of the first day.");
        }

        return new StudioClosure { StudioId = studioId, Id = Guid.NewGuid(), StartsOn = startsOn, EndsOn = endsOn, Reason = Guard.Required(reason, "reason", 120) };
    }
}

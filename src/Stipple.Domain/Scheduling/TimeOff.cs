using NodaTime;

namespace Stipple.Domain;

/// <summary>A practitioner's time off, [<see cref="StartsAt"/>, <see cref="EndsAt"/>); entered in the studio's local time.</summary>
public sealed class TimeOff
{
    private TimeOff()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid StaffId { get; private set; }

    public Instant StartsAt { get; private set; }

    public Instant EndsAt { get; private set; }

    public string Reason { get; private set; } = "";

    public Guid? CreatedBy { get; private set; }

    public Instant CreatedAt { get; private set; }

    public static TimeOff Create(Guid studioId, Guid staffId, Instant startsAt, Instant endsAt, string? reason, Guid? createdBy, Instant now)
    {
        if (endsAt <= startsAt)
        {
            throw new DomainException("endsAt", "must be after the start.");
        }

        return new TimeOff
        {
            StudioId = studioId,
            Id = Guid.NewGuid(),
            StaffId = staffId,
            StartsAt = startsAt,
            EndsAt = endsAt,
            Reason = Guard.Optional(reason, "reason", 120) ?? "",
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }
}

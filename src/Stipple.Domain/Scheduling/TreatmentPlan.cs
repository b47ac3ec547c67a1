using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// A client's course of SMP sessions (1–4, plus the healed review), built from the approved design and booked at
/// once: its appointments are reserved in the same transaction as the plan, or none are.
/// </summary>
public sealed class TreatmentPlan
{
    /// <summary>Most sessions a plan may have (smp-facts §13.4: 3 by default, a 4th for scarring, alopecia, difficult skin).</summary>
    public const int MaxSessions = 4;

    private TreatmentPlan()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid? ConsultationId { get; private set; }

    /// <summary>The approved design version the plan was built from, if any.</summary>
    public Guid? DesignVersionId { get; private set; }

    public int SessionCount { get; private set; }

    public bool HealedReview { get; private set; }

    public TreatmentPlanStatus Status { get; private set; }

    public string Note { get; private set; } = "";

    public Guid? CreatedBy { get; private set; }

    public Instant CreatedAt { get; private set; }

    public Instant? CancelledAt { get; private set; }

    public static TreatmentPlan Create(Guid studioId, Guid clientId, Guid? consultationId, Guid? designVersionId, int sessionCount, bool healedReview, string? note, Guid? createdBy, Instant now)
    {
        if (sessionCount is < 1 or > MaxSessions)
        {
            throw new DomainException("sessionCount", "must be between 1 and 4 sessions.");
        }

        return new TreatmentPlan
        {
            StudioId = studioId,
            Id = Guid.NewGuid(),
            ClientId = clientId,
            ConsultationId = consultationId,
            DesignVersionId = designVersionId,
            SessionCount = sessionCount,
            HealedReview = healedReview,
            Status = TreatmentPlanStatus.Booked,
            Note = Guard.Optional(note, "note", 500) ?? "",
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    public void Cancel(Instant now)
    {
        Status = TreatmentPlanStatus.Cancelled;
        CancelledAt = now;
    }
}

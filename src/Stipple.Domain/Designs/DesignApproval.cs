using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// A client's approval of one design version, with the name they typed and the member of staff who recorded it. A
/// later approval of the same consultation supersedes it; none is ever changed (the database refuses).
/// </summary>
public sealed class DesignApproval
{
    /// <summary>Longest client name, in characters.</summary>
    public const int MaxClientNameLength = 120;

    private DesignApproval()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid ConsultationId { get; private set; }

    public Guid VersionId { get; private set; }

    /// <summary>The name the client typed to approve.</summary>
    public string ClientName { get; private set; } = "";

    public Guid? RecordedBy { get; private set; }

    public Instant ApprovedAt { get; private set; }

    public static DesignApproval Record(DesignVersion version, string? clientName, Guid? recordedBy, Instant now)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new DesignApproval
        {
            StudioId = version.StudioId,
            Id = Guid.NewGuid(),
            ConsultationId = version.ConsultationId,
            VersionId = version.Id,
            ClientName = Guard.Required(clientName, "clientName", MaxClientNameLength),
            RecordedBy = recordedBy,
            ApprovedAt = now,
        };
    }
}

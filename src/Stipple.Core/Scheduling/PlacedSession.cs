using NodaTime;

namespace Stipple.Core.Scheduling;

/// <summary>
/// One step of a proposed schedule: who, where, and when. <see cref="LocalStart"/> is the studio's wall-clock time;
/// [<see cref="Start"/>, <see cref="End"/>) is the client's time, and the practitioner and room stay busy until
/// <see cref="BlockedUntil"/> (end plus cleanup buffer).
/// </summary>
public sealed record PlacedSession(
    int StepIndex,
    ServiceKind Kind,
    Guid PractitionerId,
    Guid RoomId,
    LocalDateTime LocalStart,
    Instant Start,
    Instant End,
    Instant BlockedUntil);

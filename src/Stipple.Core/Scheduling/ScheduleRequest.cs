using NodaTime;

namespace Stipple.Core.Scheduling;

/// <summary>
/// Asks for complete schedules: every step of <see cref="Steps"/> placed, the first on a local day from
/// <see cref="FirstDay"/> to <see cref="LastDay"/> (inclusive) and no earlier than <see cref="NotBefore"/> (now plus any
/// notice), later steps inside their windows. <see cref="ClientBusy"/> are the client's other appointments (the client
/// is never double-booked). Starts fall on multiples of <see cref="StartInterval"/> from local midnight.
/// At most <see cref="MaxResults"/> schedules come back, best first.
/// </summary>
public sealed record ScheduleRequest(
    IReadOnlyList<PlanStep> Steps,
    LocalDate FirstDay,
    LocalDate LastDay,
    Instant NotBefore,
    SchedulePreferences Preferences,
    Duration StartInterval,
    int MaxResults = 5)
{
    public IReadOnlyList<BusyInterval> ClientBusy { get; init; } = [];
}

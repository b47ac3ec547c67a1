namespace Stipple.Core.Scheduling;

/// <summary>
/// A complete schedule for a plan: one <see cref="PlacedSession"/> per step, in order. <see cref="Penalty"/> ranks
/// schedules (lower is better; see <see cref="AvailabilityEngine"/> for how it is made up).
/// </summary>
public sealed record ProposedSchedule(IReadOnlyList<PlacedSession> Sessions, int Penalty)
{
    /// <summary>Whether one practitioner does every step.</summary>
    public bool SamePractitioner => Sessions.Select(s => s.PractitionerId).Distinct().Count() <= 1;
}

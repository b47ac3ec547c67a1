namespace Stipple.Core.Scheduling;

/// <summary>A complete placement of every step with its total penalty, before it becomes a <see cref="ProposedSchedule"/>.</summary>
internal sealed record RankedPlan(int Penalty, Placement[] Steps)
{
    /// <summary>Reverse ranking order, so a priority queue keeps the worst kept plan at its head.</summary>
    public static IComparer<RankedPlan> WorstFirst { get; } = Comparer<RankedPlan>.Create(static (a, b) => Compare(b.Penalty, b.Steps[0], a));

    /// <summary>
    /// Ranking order: lower penalty, then earlier step-0 start, then earlier practitioner, then earlier room. A search
    /// keeps at most one plan per (step-0 day, step-0 practitioner), so this is a total order and the result is
    /// deterministic.
    /// </summary>
    public static int Compare(int penalty, Placement first, RankedPlan other)
    {
        var byPenalty = penalty.CompareTo(other.Penalty);
        if (byPenalty != 0)
        {
            return byPenalty;
        }

        var bySlot = first.Slot.CompareTo(other.Steps[0].Slot);
        if (bySlot != 0)
        {
            return bySlot;
        }

        var byPractitioner = first.Practitioner.CompareTo(other.Steps[0].Practitioner);
        return byPractitioner != 0 ? byPractitioner : first.Room.CompareTo(other.Steps[0].Room);
    }
}

namespace Stipple.Core.Scheduling;

/// <summary>
/// The look-ahead that keeps <see cref="PlanSearch"/>'s greedy steps out of dead ends: <c>reach[s][d]</c> says some
/// practitioner can start step <c>s</c> on timeline day <c>d</c> (with a room, on the grid, the client free) and every
/// later step can still follow inside its window (ignoring collisions between the plan's own steps). Built from the last
/// step back; prefix counts make "any reachable day in the next window" one subtraction, so the pass costs
/// steps × days bitmap probes.
/// </summary>
internal static class StepReach
{
    public static bool[][] Compute(StepRange[] steps, SlotTimeline timeline, AvailabilityGrid grid)
    {
        var result = new bool[steps.Length][];
        int[]? laterCounts = null;
        for (var s = steps.Length - 1; s >= 0; s--)
        {
            result[s] = new bool[timeline.DayCount];
            var counts = new int[timeline.DayCount + 1];
            var any = grid.AnyCandidate(steps[s].Shape);
            for (var day = 0; day < timeline.DayCount; day++)
            {
                var ok = day >= steps[s].FirstDay && day <= steps[s].LastDay
                    && any.NextSetBit(timeline.DayStart(day), timeline.DayStart(day + 1)) >= 0;
                if (ok && laterCounts is not null)
                {
                    var next = steps[s + 1];
                    var from = Math.Max(next.FirstDay, day + next.MinDays);
                    var to = Math.Min(next.LastDay, day + next.MaxDays);
                    ok = from <= to && laterCounts[to + 1] - laterCounts[from] > 0;
                }

                result[s][day] = ok;
                counts[day + 1] = counts[day] + (ok ? 1 : 0);
            }

            laterCounts = counts;
        }

        return result;
    }
}

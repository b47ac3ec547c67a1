using System.Buffers;
using NodaTime;

namespace Stipple.Core.Scheduling;

/// <summary>
/// The search behind <see cref="AvailabilityEngine.Propose"/>: for each step-0 day and practitioner, step 0 at that
/// day's best start, then each later step greedily inside its window; the best plans kept, best first.
/// </summary>
/// <remarks>
/// Greedy alone can walk into a dead end (step 2's window after an early step 1 may be fully booked while a later step 1
/// would have worked). A backward pass (<see cref="StepReach"/>) first marks, per step and day, whether some practitioner
/// can start the step that day and the rest of the plan can still follow; the greedy choice only considers such days, so
/// it never dead-ends except when two steps would collide with each other on the same day. Each (step, day,
/// practitioner) keeps its best start once found (<see cref="BestOnDay"/>), so overlapping windows cost one scan.
/// Every later first day costs at least one more penalty point and starts later, so the scan over first days stops as
/// soon as no later day can enter the kept list.
/// </remarks>
internal sealed class PlanSearch : IDisposable
{
    private const int NotComputed = -2;
    private const int None = -1;
    private readonly SlotTimeline timeline;
    private readonly AvailabilityGrid grid;
    private readonly StepRange[] steps;
    private readonly int practitioners;
    private readonly int rooms;
    private readonly int firstDay;
    private readonly int preferredPractitioner;
    private readonly IReadOnlySet<IsoDayOfWeek> weekdays;
    private readonly bool[][] reachable;
    private readonly int[] best;

    public PlanSearch(StudioCalendar calendar, ScheduleRequest request, StepPlanner plan, AvailabilityGrid grid)
    {
        timeline = plan.Timeline;
        this.grid = grid;
        steps = plan.Steps;
        practitioners = calendar.Practitioners.Count;
        rooms = calendar.RoomIds.Count;
        firstDay = timeline.DayIndex(request.FirstDay);
        weekdays = request.Preferences.Weekdays;
        preferredPractitioner = request.Preferences.PractitionerId is { } id ? IndexOf(calendar.Practitioners, id) : int.MinValue;
        reachable = StepReach.Compute(steps, timeline, grid);
        best = ArrayPool<int>.Shared.Rent(steps.Length * timeline.DayCount * practitioners);
        best.AsSpan(0, steps.Length * timeline.DayCount * practitioners).Fill(NotComputed);
    }

    public void Dispose() => ArrayPool<int>.Shared.Return(best);

    /// <summary>The best <paramref name="maxResults"/> plans, best first.</summary>
    public List<RankedPlan> Run(int maxResults)
    {
        // The kept plans, worst at the head: O(log k) to replace it, and the head is the bar a new plan must clear.
        var kept = new PriorityQueue<RankedPlan, RankedPlan>(RankedPlan.WorstFirst);
        var placed = new Placement[steps.Length];
        for (var day = steps[0].FirstDay; day <= steps[0].LastDay; day++)
        {
            // Every later day costs at least its distance from FirstDay and starts later, so it cannot beat a full list.
            if (kept.Count == maxResults && kept.Peek().Penalty <= (day - firstDay) * AvailabilityEngine.PenaltyPerDay)
            {
                break;
            }

            if (!reachable[0][day])
            {
                continue;
            }

            for (var p = 0; p < practitioners; p++)
            {
                var penalty = TryPlan(day, p, placed);
                if (penalty < 0 || (kept.Count == maxResults && RankedPlan.Compare(penalty, placed[0], kept.Peek()) >= 0))
                {
                    continue;
                }

                var plan = new RankedPlan(penalty, [.. placed]);
                if (kept.Count == maxResults)
                {
                    kept.DequeueEnqueue(plan, plan);
                }
                else
                {
                    kept.Enqueue(plan, plan);
                }
            }
        }

        var ranked = new List<RankedPlan>(kept.Count);
        while (kept.Count > 0)
        {
            ranked.Add(kept.Dequeue());
        }

        ranked.Reverse();
        return ranked;
    }

    /// <summary>Places every step starting with practitioner <paramref name="p0"/> on <paramref name="day"/>; the penalty, or -1.</summary>
    private int TryPlan(int day, int p0, Placement[] placed)
    {
        if (!TryBestOnDay(0, day, p0, out var slot, out var penalty))
        {
            return -1;
        }

        placed[0] = new Placement(day, slot, p0, ChooseRoom(0, slot, p0, placed.AsSpan(0, 0), -1), penalty);
        var total = ((day - firstDay) * AvailabilityEngine.PenaltyPerDay) + penalty
            + (preferredPractitioner != int.MinValue && p0 != preferredPractitioner ? AvailabilityEngine.PenaltyNotPreferredPractitioner : 0);
        for (var s = 1; s < steps.Length; s++)
        {
            if (!TryNext(s, placed, out placed[s]))
            {
                return -1;
            }

            total += placed[s].Penalty + (placed[s].Practitioner != placed[s - 1].Practitioner ? AvailabilityEngine.PenaltyPractitionerChange : 0);
        }

        return total;
    }

    /// <summary>
    /// Step <paramref name="s"/> inside its window after the step before: step 0's practitioner if they can (continuity),
    /// else the previous step's, else anyone; among those the lowest preference penalty, then the earliest start.
    /// </summary>
    private bool TryNext(int s, Placement[] placed, out Placement next)
    {
        var previous = placed[s - 1];
        var step = steps[s];
        var from = Math.Max(step.FirstDay, previous.Day + step.MinDays);
        var to = Math.Min(step.LastDay, previous.Day + step.MaxDays);
        var done = placed.AsSpan(0, s);
        if (Scan(s, from, to, placed[0].Practitioner, done, out next)
            || (previous.Practitioner != placed[0].Practitioner && Scan(s, from, to, previous.Practitioner, done, out next)))
        {
            return true;
        }

        var found = false;
        for (var q = 0; q < practitioners; q++)
        {
            if (q != placed[0].Practitioner && q != previous.Practitioner && Scan(s, from, to, q, done, out var candidate)
                && (!found || Better(candidate, next)))
            {
                next = candidate;
                found = true;
            }
        }

        return found;
    }

    private static bool Better(Placement a, Placement b) => a.Penalty < b.Penalty || (a.Penalty == b.Penalty && a.Slot < b.Slot);

    /// <summary>Practitioner <paramref name="q"/>'s best start for step <paramref name="s"/> on days <paramref name="from"/>..<paramref name="to"/>.</summary>
    private bool Scan(int s, int from, int to, int q, ReadOnlySpan<Placement> done, out Placement found)
    {
        found = default;
        var any = false;
        for (var day = from; day <= to && !(any && found.Penalty == 0); day++)
        {
            if (!reachable[s][day] || !TryBestOnDay(s, day, q, out var slot, out var penalty) || (any && penalty >= found.Penalty))
            {
                continue;
            }

            var room = ChooseRoom(s, slot, q, done, done[^1].Room);
            if (room < 0 && !TryFirstFree(s, day, q, done, out slot, out penalty, out room))
            {
                continue;
            }

            var candidate = new Placement(day, slot, q, room, penalty);
            if (!any || Better(candidate, found))
            {
                found = candidate;
                any = true;
            }
        }

        return any;
    }

    /// <summary>
    /// When the day's best start collides with an earlier step of the same plan (same practitioner, room or client
    /// time), the best start that does not: preferred times first, then any, earliest first.
    /// </summary>
    private bool TryFirstFree(int s, int day, int q, ReadOnlySpan<Placement> done, out int slot, out int penalty, out int room)
    {
        var candidates = grid.Candidates(steps[s].Shape, q);
        var end = timeline.DayStart(day + 1);
        for (var pass = grid.HasTimePreference ? 0 : 1; pass < 2; pass++)
        {
            var within = pass == 0 ? grid.Preferred : candidates;
            for (slot = SlotBitmap.NextSetBitInBoth(candidates, within, timeline.DayStart(day), end); slot >= 0;
                 slot = SlotBitmap.NextSetBitInBoth(candidates, within, slot + 1, end))
            {
                room = ChooseRoom(s, slot, q, done, done[^1].Room);
                if (room >= 0)
                {
                    penalty = WeekdayPenalty(day) + (grid.HasTimePreference && pass == 1 ? AvailabilityEngine.PenaltyOutsidePreferredTime : 0);
                    return true;
                }
            }
        }

        slot = penalty = room = -1;
        return false;
    }

    /// <summary>
    /// The room for step <paramref name="s"/> at <paramref name="slot"/> with <paramref name="q"/>: the previous step's
    /// room when free, else the first free room in the calendar's order; -1 when the start collides with an earlier step
    /// or no room is free.
    /// </summary>
    private int ChooseRoom(int s, int slot, int q, ReadOnlySpan<Placement> done, int previousRoom)
    {
        var size = steps[s].Size;
        for (var j = 0; j < done.Length; j++)
        {
            var other = steps[j].Size;
            if ((done[j].Practitioner == q && Overlaps(slot, size.BlockSlots, done[j].Slot, other.BlockSlots))
                || Overlaps(slot, size.ClientSlots, done[j].Slot, other.ClientSlots))
            {
                return -1;
            }
        }

        if (previousRoom >= 0 && RoomFree(s, slot, previousRoom, done))
        {
            return previousRoom;
        }

        for (var r = 0; r < rooms; r++)
        {
            if (RoomFree(s, slot, r, done))
            {
                return r;
            }
        }

        return -1;
    }

    private bool RoomFree(int s, int slot, int room, ReadOnlySpan<Placement> done)
    {
        if (!grid.RoomStarts(steps[s].Shape, room).Get(slot))
        {
            return false;
        }

        for (var j = 0; j < done.Length; j++)
        {
            if (done[j].Room == room && Overlaps(slot, steps[s].Size.BlockSlots, done[j].Slot, steps[j].Size.BlockSlots))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Overlaps(int a, int aLength, int b, int bLength) => a < b + bLength && b < a + aLength;

    /// <summary>
    /// Practitioner <paramref name="q"/>'s best start for step <paramref name="s"/> on <paramref name="day"/>: the
    /// earliest inside the preferred times of day, else the earliest. Cached: packed as slot × 2 + (outside preferred times).
    /// </summary>
    private bool TryBestOnDay(int s, int day, int q, out int slot, out int penalty)
    {
        var index = (((s * timeline.DayCount) + day) * practitioners) + q;
        var packed = best[index];
        if (packed == NotComputed)
        {
            packed = BestOnDay(steps[s].Shape, day, q);
            best[index] = packed;
        }

        slot = packed >> 1;
        penalty = packed == None ? 0 : WeekdayPenalty(day) + ((packed & 1) * AvailabilityEngine.PenaltyOutsidePreferredTime);
        return packed != None;
    }

    private int BestOnDay(int shape, int day, int q)
    {
        var candidates = grid.Candidates(shape, q);
        var from = timeline.DayStart(day);
        var to = timeline.DayStart(day + 1);
        if (grid.HasTimePreference)
        {
            var preferred = SlotBitmap.NextSetBitInBoth(candidates, grid.Preferred, from, to);
            if (preferred >= 0)
            {
                return preferred << 1;
            }
        }

        var slot = candidates.NextSetBit(from, to);
        return slot < 0 ? None : (slot << 1) | (grid.HasTimePreference ? 1 : 0);
    }

    private int WeekdayPenalty(int day) =>
        weekdays.Count > 0 && !weekdays.Contains(timeline.DateOf(day).DayOfWeek) ? AvailabilityEngine.PenaltyOffPreferredWeekday : 0;

    private static int IndexOf(IReadOnlyList<PractitionerCalendar> practitioners, Guid id)
    {
        for (var p = 0; p < practitioners.Count; p++)
        {
            if (practitioners[p].Id == id)
            {
                return p;
            }
        }

        return -1;
    }
}

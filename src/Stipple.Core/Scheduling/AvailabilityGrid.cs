using NodaTime;

namespace Stipple.Core.Scheduling;

/// <summary>
/// The free time of every practitioner and room as <see cref="SlotBitmap"/>s, and for each <see cref="StepShape"/> the
/// slots where a step can start. Free time is rounded inward (a free stretch starts at the first whole slot and ends at
/// the last), busy time outward, so a start found here is always valid to the nanosecond.
/// </summary>
/// <remarks>
/// Practitioner free time = studio open time ∩ their own hours (when they have any) − closures − their busy time; room
/// free time = studio open time − closures − the room's busy time. A step of <c>k</c> slots can start with practitioner
/// <c>p</c> at slot <c>i</c> when p is free for slots i..i+k−1 (<see cref="SlotBitmap.KeepRunStarts"/>), some room is
/// too, the local time is on the start grid, the instant is not before the request's earliest instant, and the client
/// is free for the session itself.
/// </remarks>
internal sealed class AvailabilityGrid : IDisposable
{
    private readonly SlotArena arena;
    private readonly SlotBitmap[][] candidates;
    private readonly SlotBitmap[][] roomStarts;
    private readonly SlotBitmap[] anyCandidate;

    public AvailabilityGrid(StudioCalendar calendar, ScheduleRequest request, SlotTimeline timeline, IReadOnlyList<StepShape> shapes)
    {
        var practitioners = calendar.Practitioners.Count;
        var rooms = calendar.RoomIds.Count;
        arena = new SlotArena(timeline.Words, 6 + practitioners + rooms + (shapes.Count * (practitioners + rooms + 2)));
        try
        {
            var studio = arena.Next();
            var scratch = arena.Next();
            var closed = ClosedDays(calendar.Closures, timeline);
            MarkOpen(studio, timeline, OpeningHours.ByWeekday(calendar.OpeningHours), closed);

            var practitionerFree = new SlotBitmap[practitioners];
            for (var p = 0; p < practitioners; p++)
            {
                practitionerFree[p] = arena.Next();
                practitionerFree[p].CopyFrom(studio);
                if (calendar.Practitioners[p].Hours.Count > 0)
                {
                    scratch.Clear();
                    MarkOpen(scratch, timeline, OpeningHours.ByWeekday(calendar.Practitioners[p].Hours), closed);
                    practitionerFree[p].And(scratch);
                }
            }

            var roomFree = new SlotBitmap[rooms];
            for (var r = 0; r < rooms; r++)
            {
                roomFree[r] = arena.Next();
                roomFree[r].CopyFrom(studio);
            }

            ClearBusy(calendar, timeline, practitionerFree, roomFree);

            var grid = arena.Next();
            Preferred = arena.Next();
            var preferences = request.Preferences;
            HasTimePreference = preferences.EarliestStart is not null || preferences.LatestStart is not null;
            timeline.MarkLocalTimes(grid, request.StartInterval, Preferred, preferences.EarliestStart, preferences.LatestStart);
            grid.ClearRange(0, timeline.CeilSlot(request.NotBefore));

            var clientFree = arena.Next();
            var clientStarts = arena.Next();
            var clientBusy = request.ClientBusy.Count > 0;
            if (clientBusy)
            {
                clientFree.SetRange(0, timeline.SlotCount);
                foreach (var busy in request.ClientBusy)
                {
                    clientFree.ClearRange(timeline.FloorSlot(busy.Start), timeline.CeilSlot(busy.End));
                }
            }

            candidates = new SlotBitmap[shapes.Count][];
            roomStarts = new SlotBitmap[shapes.Count][];
            anyCandidate = new SlotBitmap[shapes.Count];
            for (var s = 0; s < shapes.Count; s++)
            {
                var shape = shapes[s];
                var mask = arena.Next();
                roomStarts[s] = new SlotBitmap[rooms];
                for (var r = 0; r < rooms; r++)
                {
                    roomStarts[s][r] = Starts(roomFree[r], shape.BlockSlots);
                    mask.Or(roomStarts[s][r]);
                }

                mask.And(grid);
                if (clientBusy)
                {
                    clientStarts.CopyFrom(clientFree);
                    clientStarts.KeepRunStarts(shape.ClientSlots);
                    mask.And(clientStarts);
                }

                anyCandidate[s] = arena.Next();
                candidates[s] = new SlotBitmap[practitioners];
                for (var p = 0; p < practitioners; p++)
                {
                    candidates[s][p] = Starts(practitionerFree[p], shape.BlockSlots);
                    candidates[s][p].And(mask);
                    anyCandidate[s].Or(candidates[s][p]);
                }
            }
        }
        catch
        {
            arena.Dispose();
            throw;
        }
    }

    /// <summary>Slots whose local start time lies in the preferred times of day (all slots without a preference).</summary>
    public SlotBitmap Preferred { get; }

    public bool HasTimePreference { get; }

    /// <summary>Where a step of shape <paramref name="shape"/> can start with practitioner <paramref name="practitioner"/>.</summary>
    public SlotBitmap Candidates(int shape, int practitioner) => candidates[shape][practitioner];

    /// <summary>Where a step of shape <paramref name="shape"/> can start with any practitioner.</summary>
    public SlotBitmap AnyCandidate(int shape) => anyCandidate[shape];

    /// <summary>Where room <paramref name="room"/> is free for a whole step of shape <paramref name="shape"/>.</summary>
    public SlotBitmap RoomStarts(int shape, int room) => roomStarts[shape][room];

    public void Dispose() => arena.Dispose();

    private SlotBitmap Starts(SlotBitmap free, int length)
    {
        var starts = arena.Next();
        starts.CopyFrom(free);
        starts.KeepRunStarts(length);
        return starts;
    }

    private static bool[] ClosedDays(IReadOnlyList<Closure> closures, SlotTimeline timeline)
    {
        var closed = new bool[timeline.DayCount];
        foreach (var closure in closures)
        {
            var from = Math.Max(0, timeline.DayIndex(closure.From));
            var to = Math.Min(timeline.DayCount - 1, timeline.DayIndex(closure.To));
            for (var day = from; day <= to; day++)
            {
                closed[day] = true;
            }
        }

        return closed;
    }

    /// <summary>
    /// Sets the open slots of each day that is not closed. A day's intervals are merged before rounding inward, so two
    /// that touch off the grid (08:53–11:16 and 11:16–23:30) stay one stretch instead of losing the slot between them.
    /// Days without a clock change use integer slot arithmetic; the others go through the zone (<see cref="OpeningHours"/>).
    /// </summary>
    private static void MarkOpen(SlotBitmap open, SlotTimeline timeline, OpeningInterval[][] byWeekday, bool[] closed)
    {
        var plain = OpeningHours.MergedTicksByWeekday(byWeekday);
        var day = new List<Interval>(4);
        for (var d = 0; d < timeline.DayCount; d++)
        {
            var weekday = (int)timeline.DateOf(d).DayOfWeek;
            if (closed[d] || plain[weekday].Length == 0)
            {
                continue;
            }

            if (timeline.IsPlainDay(d))
            {
                foreach (var (opens, closes) in plain[weekday])
                {
                    open.SetRange(timeline.LocalSlot(d, opens, roundUp: true), timeline.LocalSlot(d, closes, roundUp: false));
                }

                continue;
            }

            day.Clear();
            foreach (var interval in byWeekday[weekday])
            {
                day.Add(timeline.Instants(d, interval));
            }

            day.Sort((a, b) => a.Start.CompareTo(b.Start));
            var start = day[0].Start;
            var end = day[0].End;
            for (var i = 1; i <= day.Count; i++)
            {
                if (i < day.Count && day[i].Start <= end)
                {
                    end = day[i].End > end ? day[i].End : end;
                    continue;
                }

                open.SetRange(Math.Max(timeline.CeilSlot(start), timeline.DayStart(d)), Math.Min(timeline.FloorSlot(end), timeline.DayStart(d + 1)));
                if (i < day.Count)
                {
                    start = day[i].Start;
                    end = day[i].End;
                }
            }
        }
    }

    private static void ClearBusy(StudioCalendar calendar, SlotTimeline timeline, SlotBitmap[] practitionerFree, SlotBitmap[] roomFree)
    {
        // One lookup per busy interval: the id's practitioner index and room index (-1 when it is not one).
        var resources = new Dictionary<Guid, (int Practitioner, int Room)>(calendar.Practitioners.Count + calendar.RoomIds.Count);
        for (var p = 0; p < calendar.Practitioners.Count; p++)
        {
            resources.TryAdd(calendar.Practitioners[p].Id, (p, -1));
        }

        for (var r = 0; r < calendar.RoomIds.Count; r++)
        {
            var id = calendar.RoomIds[r];
            resources[id] = resources.TryGetValue(id, out var both) ? (both.Practitioner, both.Room < 0 ? r : both.Room) : (-1, r);
        }

        foreach (var busy in calendar.Busy)
        {
            if (busy.End <= timeline.Origin || busy.Start >= timeline.End || !resources.TryGetValue(busy.ResourceId, out var resource))
            {
                continue;
            }

            var from = timeline.FloorSlot(busy.Start);
            var to = timeline.CeilSlot(busy.End);
            if (resource.Practitioner >= 0)
            {
                practitionerFree[resource.Practitioner].ClearRange(from, to);
            }

            if (resource.Room >= 0)
            {
                roomFree[resource.Room].ClearRange(from, to);
            }
        }
    }
}

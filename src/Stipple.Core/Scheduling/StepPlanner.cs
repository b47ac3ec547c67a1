using NodaTime;

namespace Stipple.Core.Scheduling;

/// <summary>
/// Turns a request's steps into <see cref="StepRange"/>s on one <see cref="SlotTimeline"/>: which local days each step
/// can possibly use, and the distinct <see cref="StepShape"/>s whose bitmaps the search needs.
/// </summary>
internal sealed class StepPlanner
{
    private static readonly Duration Slot = Duration.FromMinutes(SchedulingSettings.GridMinutes);

    private StepPlanner(SlotTimeline timeline, StepRange[] steps, List<StepShape> shapes)
    {
        Timeline = timeline;
        Steps = steps;
        Shapes = shapes;
    }

    public SlotTimeline Timeline { get; }

    public StepRange[] Steps { get; }

    public List<StepShape> Shapes { get; }

    /// <summary>The ranges for <paramref name="request"/>, or null when some step has no possible day at all.</summary>
    public static StepPlanner? Plan(ScheduleRequest request, DateTimeZone zone)
    {
        var steps = request.Steps;
        var first = new LocalDate[steps.Count];
        var last = new LocalDate[steps.Count];
        var windows = new DayWindow[steps.Count];
        for (var s = 0; s < steps.Count; s++)
        {
            var step = steps[s];
            LocalDate from;
            LocalDate to;
            if (s == 0)
            {
                var earliest = request.NotBefore.InZone(zone).Date;
                from = LocalDate.Max(request.FirstDay, earliest);
                to = request.LastDay;
            }
            else
            {
                windows[s] = step.AfterPrevious ?? new DayWindow(0, Period.DaysBetween(first[s - 1], step.NotAfter!.Value));
                if (windows[s].MinDays > windows[s].MaxDays)
                {
                    return null;
                }

                from = first[s - 1].PlusDays(windows[s].MinDays);
                to = last[s - 1].PlusDays(windows[s].MaxDays);
            }

            first[s] = step.NotBefore is { } notBefore ? LocalDate.Max(from, notBefore) : from;
            last[s] = step.NotAfter is { } notAfter ? LocalDate.Min(to, notAfter) : to;
            if (first[s] > last[s])
            {
                return null;
            }
        }

        var timelineFirst = first.Min();
        var dayCount = Period.DaysBetween(timelineFirst, last.Max()) + 1;
        if (dayCount > AvailabilityEngine.MaxSearchDays)
        {
            throw new ArgumentException(
                $"the request spans {dayCount} local days including its windows; at most {AvailabilityEngine.MaxSearchDays} can be searched at once",
                nameof(request));
        }

        var timeline = new SlotTimeline(zone, timelineFirst, dayCount);
        var shapes = new List<StepShape>();
        var ranges = new StepRange[steps.Count];
        for (var s = 0; s < steps.Count; s++)
        {
            var size = new StepShape(Slots(steps[s].Length + steps[s].Buffer), Slots(steps[s].Length));
            var shape = shapes.IndexOf(size);
            if (shape < 0)
            {
                shape = shapes.Count;
                shapes.Add(size);
            }

            ranges[s] = new StepRange(shape, size, timeline.DayIndex(first[s]), timeline.DayIndex(last[s]), windows[s].MinDays, windows[s].MaxDays);
        }

        return new StepPlanner(timeline, ranges, shapes);
    }

    /// <summary>Whole slots covering <paramref name="duration"/>, rounded up.</summary>
    private static int Slots(Duration duration)
    {
        var whole = duration.ToInt64Nanoseconds() / Slot.ToInt64Nanoseconds();
        return (int)(duration.ToInt64Nanoseconds() % Slot.ToInt64Nanoseconds() == 0 ? whole : whole + 1);
    }
}

using NodaTime;
using NodaTime.TimeZones;

namespace Stipple.Core.Scheduling;

/// <summary>
/// Weekly wall-clock intervals turned into instants on a given local day, the one place both the search and
/// <see cref="AvailabilityEngine.Check"/> do it, so they agree across daylight-saving changes.
/// </summary>
/// <remarks>
/// A skipped local time (the hour that spring-forward removes) maps forward by the length of the gap, NodaTime's lenient
/// rule (<see cref="Resolvers.ReturnForwardShifted"/>): 01:30 in a 01:00–02:00 gap becomes 02:30, the instant 01:30
/// would have been without the change. An ambiguous local time (the hour autumn repeats) takes the earlier instant for
/// an opening and the later for a closing, so a studio open through the repeated hour gets all of it.
/// </remarks>
internal static class OpeningHours
{
    private static readonly ZoneLocalMappingResolver Opening = Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnForwardShifted);
    private static readonly ZoneLocalMappingResolver Closing = Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnForwardShifted);

    /// <summary>Throws when an interval is not a weekday with <c>Closes</c> after <c>Opens</c>.</summary>
    public static void Validate(IReadOnlyList<OpeningInterval> intervals, string paramName)
    {
        ArgumentNullException.ThrowIfNull(intervals, paramName);
        foreach (var interval in intervals)
        {
            ArgumentNullException.ThrowIfNull(interval, paramName);
            if (interval.Day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday || interval.Closes <= interval.Opens)
            {
                throw new ArgumentException($"{interval} must be a weekday with Closes after Opens on the same day", paramName);
            }
        }
    }

    /// <summary>The intervals grouped by ISO weekday (index 1 = Monday … 7 = Sunday; index 0 is unused), each day sorted by opening.</summary>
    public static OpeningInterval[][] ByWeekday(IReadOnlyList<OpeningInterval> intervals)
    {
        var counts = new int[8];
        foreach (var interval in intervals)
        {
            counts[(int)interval.Day]++;
        }

        var days = new OpeningInterval[8][];
        for (var day = 0; day < days.Length; day++)
        {
            days[day] = counts[day] == 0 ? [] : new OpeningInterval[counts[day]];
            counts[day] = 0;
        }

        foreach (var interval in intervals)
        {
            days[(int)interval.Day][counts[(int)interval.Day]++] = interval;
        }

        foreach (var day in days)
        {
            Array.Sort(day, static (a, b) => a.Opens.CompareTo(b.Opens));
        }

        return days;
    }

    /// <summary>
    /// Per ISO weekday, the intervals of <paramref name="byWeekday"/> (sorted) as local ticks of the day with overlapping
    /// or touching ones merged: what a day with no clock change is open.
    /// </summary>
    public static (long Opens, long Closes)[][] MergedTicksByWeekday(OpeningInterval[][] byWeekday)
    {
        var merged = new (long Opens, long Closes)[byWeekday.Length][];
        for (var day = 0; day < byWeekday.Length; day++)
        {
            var intervals = byWeekday[day];
            var stretches = new (long Opens, long Closes)[intervals.Length];
            var count = 0;
            foreach (var interval in intervals)
            {
                var (opens, closes) = (interval.Opens.TickOfDay, interval.Closes.TickOfDay);
                if (count > 0 && opens <= stretches[count - 1].Closes)
                {
                    stretches[count - 1].Closes = Math.Max(closes, stretches[count - 1].Closes);
                }
                else
                {
                    stretches[count++] = (opens, closes);
                }
            }

            merged[day] = count == stretches.Length ? stretches : stretches[..count];
        }

        return merged;
    }

    /// <summary>
    /// <paramref name="interval"/> on <paramref name="date"/> as instants; empty (start = end) when daylight saving
    /// swallows it.
    /// </summary>
    public static Interval ToInstants(LocalDate date, OpeningInterval interval, DateTimeZone zone)
    {
        var start = zone.ResolveLocal(date + interval.Opens, Opening).ToInstant();
        var end = zone.ResolveLocal(date + interval.Closes, Closing).ToInstant();
        return new Interval(start, end < start ? start : end);
    }

    /// <summary>
    /// Adds the instants of <paramref name="weekly"/> on each day of <paramref name="from"/>..<paramref name="to"/>
    /// (inclusive) to <paramref name="into"/>, skipping days <paramref name="skip"/> says are closed.
    /// </summary>
    public static void AddInstants(
        List<Interval> into, IReadOnlyList<OpeningInterval> weekly, DateTimeZone zone, LocalDate from, LocalDate to, Func<LocalDate, bool>? skip)
    {
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            if (skip?.Invoke(date) == true)
            {
                continue;
            }

            foreach (var interval in weekly)
            {
                if (interval.Day == date.DayOfWeek)
                {
                    into.Add(ToInstants(date, interval, zone));
                }
            }
        }
    }

    /// <summary>Whether [<paramref name="from"/>, <paramref name="to"/>) lies inside the union of <paramref name="intervals"/>.</summary>
    public static bool Covers(List<Interval> intervals, Instant from, Instant to)
    {
        intervals.Sort((a, b) => a.Start.CompareTo(b.Start));
        var reached = from;
        foreach (var interval in intervals)
        {
            if (reached >= to)
            {
                break;
            }

            if (interval.Start > reached)
            {
                return false;
            }

            if (interval.End > reached)
            {
                reached = interval.End;
            }
        }

        return reached >= to;
    }
}

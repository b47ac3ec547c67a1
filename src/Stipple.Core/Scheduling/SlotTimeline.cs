using NodaTime;

namespace Stipple.Core.Scheduling;

/// <summary>
/// The instants a search looks at, cut into slots of <see cref="SchedulingSettings.GridMinutes"/> elapsed minutes from
/// the instant local midnight of <see cref="FirstDay"/> begins. Every current IANA offset is a multiple of 15 minutes,
/// so each slot also starts on a 15-minute local wall time; a day of 23 or 25 hours simply has 92 or 100 slots.
/// </summary>
internal sealed class SlotTimeline
{
    private const long SlotSeconds = SchedulingSettings.GridMinutes * 60L;
    private const long SlotNanoseconds = SlotSeconds * 1_000_000_000L;
    private const long SlotTicks = SlotSeconds * NodaConstants.TicksPerSecond;
    private const int SecondsPerDay = 86_400;
    private readonly int[] dayStarts;
    private readonly bool[] plainDays;
    private readonly long originTicks;

    public SlotTimeline(DateTimeZone zone, LocalDate firstDay, int dayCount)
    {
        Zone = zone;
        FirstDay = firstDay;
        DayCount = dayCount;
        Origin = StartOfDay(zone, firstDay);
        originTicks = Origin.ToUnixTimeTicks();
        End = StartOfDay(zone, firstDay.PlusDays(dayCount));
        SlotCount = (int)((End - Origin).ToInt64Nanoseconds() / SlotNanoseconds);
        Words = (SlotCount + 63) / 64;
        var starts = new Instant[dayCount + 1];
        dayStarts = new int[dayCount + 1];
        for (var day = 0; day <= dayCount; day++)
        {
            starts[day] = day == 0 ? Origin : day == dayCount ? End : StartOfDay(zone, firstDay.PlusDays(day));
            dayStarts[day] = day == 0 ? 0 : day == dayCount ? SlotCount : CeilSlot(starts[day]);
        }

        // Most days have one offset from start to end; their local times map to instants by plain subtraction, and
        // only the few days with a clock change go through the zone's resolvers (which allocate a mapping per call).
        var dayOffsets = new Offset?[dayCount];
        plainDays = new bool[dayCount];
        for (var day = 0; day < dayCount; day++)
        {
            var zoneInterval = zone.GetZoneInterval(starts[day]);
            dayOffsets[day] = !zoneInterval.HasEnd || zoneInterval.End >= starts[day + 1] ? zoneInterval.WallOffset : null;
            plainDays[day] = dayOffsets[day] is not null && InstantOf(dayStarts[day]) == starts[day];
        }
    }

    public DateTimeZone Zone { get; }

    public LocalDate FirstDay { get; }

    /// <summary>Number of local days covered.</summary>
    public int DayCount { get; }

    /// <summary>The instant local midnight of <see cref="FirstDay"/> begins; slot 0 starts here.</summary>
    public Instant Origin { get; }

    /// <summary>The instant the day after the last begins.</summary>
    public Instant End { get; }

    public int SlotCount { get; }

    /// <summary>64-bit words per <see cref="SlotBitmap"/>.</summary>
    public int Words { get; }

    /// <summary>The first slot of local day <paramref name="day"/> (0-based); <c>DayStart(DayCount)</c> is <see cref="SlotCount"/>.</summary>
    public int DayStart(int day) => dayStarts[day];

    public LocalDate DateOf(int day) => FirstDay.PlusDays(day);

    /// <summary>
    /// Whether local day <paramref name="day"/> has one offset throughout and starts on a slot boundary, so that slot
    /// <c>DayStart(day) + n</c> begins at local time <c>n × 15 min</c> (<see cref="LocalSlot"/>).
    /// </summary>
    public bool IsPlainDay(int day) => plainDays[day];

    /// <summary>On a plain day, the slot starting at or after (<paramref name="roundUp"/>) or at or before local <paramref name="tickOfDay"/>.</summary>
    public int LocalSlot(int day, long tickOfDay, bool roundUp) =>
        dayStarts[day] + (int)((tickOfDay + (roundUp ? SlotTicks - 1 : 0)) / SlotTicks);

    /// <summary>Weekly <paramref name="interval"/> on local day <paramref name="day"/> as instants (<see cref="OpeningHours.ToInstants"/>).</summary>
    public Interval Instants(int day, OpeningInterval interval) => OpeningHours.ToInstants(DateOf(day), interval, Zone);

    public int DayIndex(LocalDate date) => Period.DaysBetween(FirstDay, date);

    public Instant InstantOf(int slot) => Origin + Duration.FromMinutes((long)slot * SchedulingSettings.GridMinutes);

    /// <summary>The first slot starting at or after <paramref name="instant"/>, clamped to [0, <see cref="SlotCount"/>].</summary>
    public int CeilSlot(Instant instant) => Slot(instant, roundUp: true);

    /// <summary>The slot holding <paramref name="instant"/> (rounded down), clamped to [0, <see cref="SlotCount"/>].</summary>
    public int FloorSlot(Instant instant) => Slot(instant, roundUp: false);

    /// <summary>
    /// Sets in <paramref name="starts"/> every slot whose local wall time is a multiple of
    /// <paramref name="interval"/> after local midnight, and in <paramref name="preferred"/> every slot whose local time
    /// of day lies in [<paramref name="earliest"/>, <paramref name="latest"/>] (a missing bound is open). Works one zone
    /// interval (constant offset) at a time, so a daylight-saving change moves the grid with the wall clock.
    /// </summary>
    public void MarkLocalTimes(SlotBitmap starts, Duration interval, SlotBitmap preferred, LocalTime? earliest, LocalTime? latest)
    {
        var intervalSeconds = (long)interval.TotalSeconds;
        var from = earliest is { } e ? e.TickOfDay : long.MinValue;
        var to = latest is { } l ? l.TickOfDay : long.MaxValue;
        var originSeconds = Origin.ToUnixTimeSeconds();
        foreach (var zoneInterval in Zone.GetZoneIntervals(Origin, End))
        {
            var first = zoneInterval.HasStart ? CeilSlot(zoneInterval.Start) : 0;
            var last = zoneInterval.HasEnd ? CeilSlot(zoneInterval.End) : SlotCount;
            var local = (int)Modulo(originSeconds + zoneInterval.WallOffset.Seconds + (first * SlotSeconds), SecondsPerDay);
            for (var slot = first; slot < last; slot++)
            {
                if (local % intervalSeconds == 0)
                {
                    starts.Set(slot);
                }

                var ticks = local * NodaConstants.TicksPerSecond;
                if (ticks >= from && ticks <= to)
                {
                    preferred.Set(slot);
                }

                local += (int)SlotSeconds;
                if (local >= SecondsPerDay)
                {
                    local -= SecondsPerDay;
                }
            }
        }
    }

    private static long Modulo(long value, long divisor) => ((value % divisor) + divisor) % divisor;

    /// <summary>The first instant of <paramref name="date"/>: midnight, or the end of a gap that swallows midnight.</summary>
    private static Instant StartOfDay(DateTimeZone zone, LocalDate date)
    {
        var mapping = zone.MapLocal(date.AtMidnight());
        return mapping.Count > 0 ? mapping.First().ToInstant() : mapping.LateInterval.Start;
    }

    private int Slot(Instant instant, bool roundUp)
    {
        if (instant <= Origin)
        {
            return 0;
        }

        if (instant >= End)
        {
            return SlotCount;
        }

        // Whole ticks (truncated towards the start of time) are much cheaper than Duration arithmetic; a sub-tick
        // remainder still rounds up.
        var unixTicks = instant.ToUnixTimeTicks();
        var ticks = unixTicks - originTicks;
        var slot = ticks / SlotTicks;
        if (roundUp && (ticks % SlotTicks != 0 || Instant.FromUnixTimeTicks(unixTicks) != instant))
        {
            slot++;
        }

        return (int)Math.Min(slot, SlotCount);
    }
}

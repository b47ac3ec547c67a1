using System.Globalization;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Stipple.Core.Scheduling;

namespace Stipple.Benchmarks;

/// <summary>
/// The availability engine's target: a three-session plan plus healed review proposed in under 5 ms end to end
/// (bitmaps built from the calendar on every call) for a busy studio: 20 practitioners, 10 rooms, 180 days of
/// appointments (seeded random, about 60% of practitioner working time booked, rooms shared first-free) in
/// Europe/London across both clock changes. Allocated bytes per operation (MemoryDiagnoser) include the results.
/// </summary>
[MemoryDiagnoser]
public class AvailabilityBenchmarks
{
    private static readonly LocalDate Start = new(2026, 3, 3);
    private readonly StudioCalendar calendar;
    private readonly double bookedShare;
    private readonly ScheduleRequest plan = Plan(SchedulePreferences.None, 5);
    private readonly ScheduleRequest everything = Plan(SchedulePreferences.None, int.MaxValue);
    private readonly ScheduleRequest picky = Plan(
        new SchedulePreferences(new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Saturday }, new LocalTime(10, 0), new LocalTime(11, 0)),
        5);

    public AvailabilityBenchmarks() => calendar = BusyStudio(out bookedShare);

    [GlobalSetup]
    public void Setup()
    {
        var best = AvailabilityEngine.Propose(calendar, plan);
        var pickyBest = AvailabilityEngine.Propose(calendar, picky);
        var all = AvailabilityEngine.Propose(calendar, everything);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// {calendar.Busy.Count} busy intervals, {bookedShare:P0} of practitioner time booked; plan: {best.Count} schedules, penalties {string.Join(' ', best.Select(s => s.Penalty))}; saturday mornings: {pickyBest.Count}, penalties {string.Join(' ', pickyBest.Select(s => s.Penalty))}; every first day: {all.Count} schedules"));
    }

    /// <summary>Any day, any time: the search stops once no later first day can beat the five kept.</summary>
    [Benchmark]
    public int ProposePlan() => AvailabilityEngine.Propose(calendar, plan).Count;

    /// <summary>Saturdays 10:00–11:00 only, for every step: scarce, so the search walks many more first days.</summary>
    [Benchmark]
    public int ProposePlanSaturdayMornings() => AvailabilityEngine.Propose(calendar, picky).Count;

    /// <summary>
    /// Every (first day, practitioner) pair: no early stop, so the greedy search runs for all 96 × 20 starts. The upper
    /// bound on search work, for a front desk that lists everything.
    /// </summary>
    [Benchmark]
    public int ProposeEveryFirstDay() => AvailabilityEngine.Propose(calendar, everything).Count;

    /// <summary>Step 0 on the first 96 days, so the review's window ends on day 180.</summary>
    private static ScheduleRequest Plan(SchedulePreferences preferences, int maxResults) => new(
        SchedulingSettings.Default.PlanSteps(3, healedReview: true),
        Start,
        Start.PlusDays(95),
        Instant.FromUtc(2026, 3, 3, 0, 0),
        preferences,
        Duration.FromMinutes(30),
        maxResults);

    /// <summary>
    /// Open Monday to Saturday 09:00–19:00; every other practitioner works four fixed days. A working day is, at random:
    /// two sessions (09:00–13:30 and 14:00–19:00 booked, 35%), a morning or an afternoon session (20% each), two or three
    /// short appointments of 1–2 hours (15%), free (5%) or time off (5%): about 60% of working time booked. Each booking
    /// takes the first free room; when none is free the time stays blocked for the practitioner only (paperwork, a
    /// consultation elsewhere).
    /// </summary>
    private static StudioCalendar BusyStudio(out double booked)
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        var random = new Random(180);
        var open = new LocalTime(9, 0);
        var close = new LocalTime(19, 0);
        var days = Enum.GetValues<IsoDayOfWeek>().Where(d => d is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Saturday).ToArray();
        var practitioners = Enumerable.Range(0, 20).Select(i => new PractitionerCalendar(
            Id(1, i),
            i % 2 == 0 ? [] : [.. days.Where((_, k) => (k + i) % 6 >= 2).Select(d => new OpeningInterval(d, open, close))])).ToList();
        var rooms = Enumerable.Range(0, 10).Select(i => Id(2, i)).ToList();
        var busy = new List<BusyInterval>();
        long workMinutes = 0, bookedMinutes = 0;
        for (var day = Start; day < Start.PlusDays(180); day = day.PlusDays(1))
        {
            var roomBusy = new bool[rooms.Count, 20]; // half hours from 09:00
            foreach (var practitioner in practitioners)
            {
                if (day.DayOfWeek == IsoDayOfWeek.Sunday || (practitioner.Hours.Count > 0 && practitioner.Hours.All(h => h.Day != day.DayOfWeek)))
                {
                    continue;
                }

                workMinutes += 600;
                var pattern = random.Next(100);
                List<(int From, int To)> bookings = pattern switch
                {
                    < 35 => [(0, 270), (300, 600)],
                    < 55 => [(0, 270)],
                    < 75 => [(300, 600)],
                    < 90 => [.. Enumerable.Range(0, random.Next(2, 4)).Select(k => (k * 180) + (30 * random.Next(0, 3))).Select(m => (m, m + (30 * random.Next(2, 5))))],
                    < 95 => [],
                    _ => [(-540, 900)],
                };
                foreach (var (from, to) in bookings)
                {
                    var start = At(zone, day, from);
                    var end = At(zone, day, to);
                    busy.Add(new BusyInterval(practitioner.Id, start, end));
                    bookedMinutes += Math.Min(to, 600) - Math.Max(from, 0);
                    if (from < 0)
                    {
                        continue; // time off needs no room
                    }

                    var room = Enumerable.Range(0, rooms.Count).FirstOrDefault(r => Enumerable.Range(from / 30, (to - from) / 30).All(h => !roomBusy[r, h]), -1);
                    if (room >= 0)
                    {
                        busy.Add(new BusyInterval(rooms[room], start, end));
                        for (var h = from / 30; h < to / 30; h++)
                        {
                            roomBusy[room, h] = true;
                        }
                    }
                }
            }
        }

        booked = (double)bookedMinutes / workMinutes;
        return new StudioCalendar(zone, [.. days.Select(d => new OpeningInterval(d, open, close))], [], practitioners, rooms, busy);
    }

    private static Instant At(DateTimeZone zone, LocalDate day, int minutesAfterNine) =>
        day.At(new LocalTime(9, 0)).PlusMinutes(minutesAfterNine).InZoneLeniently(zone).ToInstant();

    private static Guid Id(int kind, int index) => new(string.Create(CultureInfo.InvariantCulture, $"{kind:x8}-0000-0000-0000-{index:x12}"));
}

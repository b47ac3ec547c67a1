using NodaTime;
using Stipple.Core.Scheduling;

namespace Stipple.Core.Tests.Scheduling;

/// <summary>
/// Seeded random studios and requests around daylight-saving changes, in zones with whole-hour, half-hour and
/// 45-minute offsets. Opening hours and busy time fall on any minute (the engine must round them safely); lengths are
/// whole quarter hours unless <c>oddLengths</c>.
/// </summary>
internal sealed class RandomScheduling(Random random)
{
    private static readonly (string Zone, LocalDate Near)[] Places =
    [
        ("Europe/London", new LocalDate(2026, 3, 29)),
        ("Europe/London", new LocalDate(2026, 10, 25)),
        ("America/New_York", new LocalDate(2026, 3, 8)),
        ("America/New_York", new LocalDate(2026, 11, 1)),
        ("Australia/Sydney", new LocalDate(2026, 4, 5)),
        ("Australia/Sydney", new LocalDate(2026, 10, 4)),
        ("America/St_Johns", new LocalDate(2026, 3, 8)),
        ("Pacific/Chatham", new LocalDate(2026, 4, 5)),
        ("Pacific/Chatham", new LocalDate(2026, 9, 27)),
        ("Asia/Kolkata", new LocalDate(2026, 6, 15)),
        ("Asia/Kathmandu", new LocalDate(2026, 1, 10)),
        ("Etc/UTC", new LocalDate(2026, 2, 1)),
    ];

    public (StudioCalendar Calendar, LocalDate Near) Calendar()
    {
        var (zoneId, near) = Places[random.Next(Places.Length)];
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var practitioners = Enumerable.Range(0, random.Next(1, 5))
            .Select(_ => new PractitionerCalendar(NextGuid(), random.Next(2) == 0 ? [] : Hours()))
            .ToList();
        var rooms = Enumerable.Range(0, random.Next(1, 4)).Select(_ => NextGuid()).ToList();
        var closures = Enumerable.Range(0, random.Next(3))
            .Select(_ => near.PlusDays(random.Next(-20, 80)))
            .Select(from => new Closure(from, from.PlusDays(random.Next(0, 4)), "Holiday"))
            .ToList();
        var origin = zone.AtStartOfDay(near.PlusDays(-20)).ToInstant();
        var busy = practitioners.Select(p => p.Id).Concat(rooms)
            .SelectMany(id => Enumerable.Range(0, random.Next(40)).Select(_ =>
            {
                var start = origin + Duration.FromMinutes(random.Next(100 * 24 * 60));
                return new BusyInterval(id, start, start + Duration.FromMinutes(random.Next(10, 600)));
            }))
            .ToList();
        return (new StudioCalendar(zone, Hours(), closures, practitioners, rooms, busy), near);
    }

    public ScheduleRequest Request(StudioCalendar calendar, LocalDate near, int steps, bool oddLengths)
    {
        var plan = new List<PlanStep> { new(ServiceKind.FirstSession, Length(60, 300, oddLengths), Duration.FromMinutes(15 * random.Next(3))) };
        for (var s = 1; s < steps; s++)
        {
            var review = s == steps - 1 && random.Next(2) == 0;
            var min = review ? random.Next(21, 31) : random.Next(7, 13);
            plan.Add(new PlanStep(
                review ? ServiceKind.HealedReview : ServiceKind.FollowUpSession,
                review ? Length(15, 60, oddLengths) : Length(60, 240, oddLengths),
                Duration.FromMinutes(15 * random.Next(3)),
                new DayWindow(min, min + random.Next(9))));
        }

        var firstDay = near.PlusDays(-random.Next(15));
        var zone = calendar.Zone;
        var notBefore = zone.AtStartOfDay(firstDay).ToInstant() + Duration.FromMinutes(random.Next(-2 * 24 * 60, 3 * 24 * 60));
        var clientBusy = Enumerable.Range(0, random.Next(6)).Select(_ =>
        {
            var start = zone.AtStartOfDay(firstDay).ToInstant() + Duration.FromMinutes(random.Next(30 * 24 * 60));
            return new BusyInterval(Guid.Empty, start, start + Duration.FromMinutes(random.Next(30, 300)));
        });
        return new ScheduleRequest(
            plan,
            firstDay,
            firstDay.PlusDays(random.Next(0, steps == 1 ? 6 : 21)),
            notBefore,
            Preferences(calendar),
            Duration.FromMinutes(new[] { 15, 30, 60 }[random.Next(3)]),
            random.Next(1, 9))
        {
            ClientBusy = [.. clientBusy],
        };
    }

    private Guid NextGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private SchedulePreferences Preferences(StudioCalendar calendar)
    {
        var weekdays = random.Next(2) == 0
            ? new HashSet<IsoDayOfWeek>()
            : Enumerable.Range(1, 7).Where(_ => random.Next(3) == 0).Select(d => (IsoDayOfWeek)d).ToHashSet();
        LocalTime? earliest = random.Next(2) == 0 ? null : new LocalTime(random.Next(0, 14), 15 * random.Next(4));
        LocalTime? latest = random.Next(2) == 0 ? null : new LocalTime(random.Next(8, 24), 15 * random.Next(4));
        Guid? practitioner = random.Next(3) == 0 ? calendar.Practitioners[random.Next(calendar.Practitioners.Count)].Id : null;
        return new SchedulePreferences(weekdays, earliest, latest, practitioner);
    }

    private Duration Length(int min, int max, bool odd) =>
        Duration.FromMinutes(odd && random.Next(3) == 0 ? random.Next(min, max) : 15 * random.Next(min / 15, (max / 15) + 1));

    /// <summary>Weekly hours: each day closed, a night (00:00–04:00ish, through any clock change), or one or two stretches.</summary>
    private OpeningInterval[] Hours()
    {
        var hours = new List<OpeningInterval>();
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            switch (random.Next(6))
            {
                case 0:
                    break;
                case 1:
                    hours.Add(new OpeningInterval(day, new LocalTime(0, 0), new LocalTime(random.Next(3, 6), random.Next(60))));
                    break;
                default:
                    var opens = new LocalTime(random.Next(6, 12), random.Next(60));
                    var closes = opens.PlusMinutes(random.Next(120, 600));
                    hours.Add(new OpeningInterval(day, opens, closes));
                    if (random.Next(3) == 0 && closes < new LocalTime(20, 0))
                    {
                        hours.Add(new OpeningInterval(day, closes.PlusMinutes(random.Next(0, 60)), new LocalTime(23, random.Next(60))));
                    }

                    break;
            }
        }

        return [.. hours];
    }
}

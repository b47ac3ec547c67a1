using NodaTime;
using Stipple.Core.Scheduling;
using static Stipple.Core.Tests.Scheduling.Studios;

namespace Stipple.Core.Tests.Scheduling;

/// <summary>
/// A studio open 00:00–04:00 local, tested on the nights the clocks change: the skipped hour makes the night three real
/// hours, the repeated hour five. Sessions are elapsed time, so what fits is exactly what the real night holds.
/// </summary>
public sealed class TransitionNightTests
{
    private static readonly Guid Room = Room1;

    public static TheoryData<string, LocalDate, int, Instant> Nights => new()
    {
        { "Europe/London", new LocalDate(2026, 3, 29), 180, Instant.FromUtc(2026, 3, 29, 0, 0) },      // 00:00 GMT → 04:00 BST
        { "Europe/London", new LocalDate(2026, 10, 25), 300, Instant.FromUtc(2026, 10, 24, 23, 0) },   // 00:00 BST → 04:00 GMT
        { "America/New_York", new LocalDate(2026, 3, 8), 180, Instant.FromUtc(2026, 3, 8, 5, 0) },     // 00:00 EST → 04:00 EDT
        { "America/New_York", new LocalDate(2026, 11, 1), 300, Instant.FromUtc(2026, 11, 1, 4, 0) },   // 00:00 EDT → 04:00 EST
        { "Australia/Sydney", new LocalDate(2026, 4, 5), 300, Instant.FromUtc(2026, 4, 4, 13, 0) },    // 00:00 AEDT → 04:00 AEST
        { "Australia/Sydney", new LocalDate(2026, 10, 4), 180, Instant.FromUtc(2026, 10, 3, 14, 0) },  // 00:00 AEST → 04:00 AEDT
    };

    [Theory]
    [MemberData(nameof(Nights))]
    public void A_session_fills_exactly_the_real_hours_of_the_night(string zoneId, LocalDate night, int openMinutes, Instant midnight)
    {
        var zone = Zone(zoneId);
        var calendar = Night(zone, new LocalTime(0, 0), new LocalTime(4, 0));

        var fits = AvailabilityEngine.Propose(calendar, Single(night, night, openMinutes - 15, bufferMinutes: 15)).ShouldHaveSingleItem();
        var session = fits.Sessions.ShouldHaveSingleItem();
        session.LocalStart.ShouldBe(night.AtMidnight());
        session.Start.ShouldBe(midnight);
        (session.End - session.Start).ShouldBe(Duration.FromMinutes(openMinutes - 15));
        session.BlockedUntil.ShouldBe(midnight + Duration.FromMinutes(openMinutes));
        AvailabilityEngine.Check(calendar, fits.Sessions, Every15Minutes).ShouldBeEmpty();

        AvailabilityEngine.Propose(calendar, Single(night, night, openMinutes, bufferMinutes: 15)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Nights))]
    public void Check_accepts_exactly_the_grid_starts_inside_the_night_and_never_throws(string zoneId, LocalDate night, int openMinutes, Instant midnight)
    {
        var zone = Zone(zoneId);
        var calendar = Night(zone, new LocalTime(0, 0), new LocalTime(4, 0));
        midnight.InZone(zone).LocalDateTime.ShouldBe(night.AtMidnight());
        for (var minutes = -60; minutes <= openMinutes + 60; minutes += 5)
        {
            var start = midnight + Duration.FromMinutes(minutes);
            var session = new PlacedSession(0, ServiceKind.TouchUp, Ava, Room, start.InZone(zone).LocalDateTime, start, start + Duration.FromMinutes(30), start + Duration.FromMinutes(30));

            var inside = minutes >= 0 && minutes + 30 <= openMinutes;
            var onGrid = minutes % 15 == 0;
            var issues = AvailabilityEngine.Check(calendar, [session], Every15Minutes);
            issues.Select(i => i.Message).ShouldBe(
                [.. inside ? [] : new[] { $"is outside opening hours on {Day(start.InZone(zone).Date)}" }, .. onGrid ? [] : new[] { "is not on the 15-minute start grid" }],
                $"{minutes} minutes after midnight");
        }
    }

    [Fact]
    public void The_skipped_hour_is_never_offered_and_02_00_local_is_the_first_start_after_it()
    {
        var zone = Zone("Europe/London");
        var night = new LocalDate(2026, 3, 29);
        var calendar = Night(zone, new LocalTime(0, 0), new LocalTime(4, 0));

        var session = AvailabilityEngine.Propose(calendar, Single(night, night, 60, preferences: Between(1, 30, 3, 0)))[0].Sessions[0];

        session.LocalStart.ShouldBe(night.At(new LocalTime(2, 0)));
        session.Start.ShouldBe(Instant.FromUtc(2026, 3, 29, 1, 0));
        session.End.ShouldBe(Instant.FromUtc(2026, 3, 29, 2, 0));
    }

    [Fact]
    public void An_opening_time_inside_the_skipped_hour_moves_forward_by_the_gap()
    {
        var zone = Zone("Europe/London");
        var night = new LocalDate(2026, 3, 29);
        var calendar = Night(zone, new LocalTime(1, 30), new LocalTime(4, 0)); // opens 02:30 BST = 01:30 UTC, 90 real minutes

        var session = AvailabilityEngine.Propose(calendar, Single(night, night, 90)).ShouldHaveSingleItem().Sessions[0];

        session.LocalStart.ShouldBe(night.At(new LocalTime(2, 30)));
        session.Start.ShouldBe(Instant.FromUtc(2026, 3, 29, 1, 30));
        AvailabilityEngine.Propose(calendar, Single(night, night, 105)).ShouldBeEmpty();
    }

    [Fact]
    public void An_ambiguous_start_takes_the_first_occurrence_and_the_second_is_valid_too()
    {
        var zone = Zone("Europe/London");
        var night = new LocalDate(2026, 10, 25);
        var calendar = Night(zone, new LocalTime(0, 0), new LocalTime(4, 0));

        var first = AvailabilityEngine.Propose(calendar, Single(night, night, 60, preferences: Between(1, 30, 1, 30)))[0].Sessions[0];

        first.LocalStart.ShouldBe(night.At(new LocalTime(1, 30)));
        first.Start.ShouldBe(Instant.FromUtc(2026, 10, 25, 0, 30)); // 01:30 BST
        var second = Instant.FromUtc(2026, 10, 25, 1, 30); // 01:30 GMT, an hour later
        second.InZone(zone).LocalDateTime.ShouldBe(first.LocalStart);
        AvailabilityEngine.Check(calendar, [first with { Start = second, End = second + Duration.FromHours(1), BlockedUntil = second + Duration.FromHours(1) }], Every15Minutes)
            .ShouldBeEmpty();
    }

    [Fact]
    public void A_closing_time_inside_the_repeated_hour_takes_its_second_occurrence()
    {
        var zone = Zone("Europe/London");
        var night = new LocalDate(2026, 10, 25);
        var calendar = Night(zone, new LocalTime(0, 0), new LocalTime(1, 30)); // 00:00 BST to 01:30 GMT: 150 real minutes

        var session = AvailabilityEngine.Propose(calendar, Single(night, night, 150)).ShouldHaveSingleItem().Sessions[0];

        session.Start.ShouldBe(Instant.FromUtc(2026, 10, 24, 23, 0));
        session.End.ShouldBe(Instant.FromUtc(2026, 10, 25, 1, 30));
        AvailabilityEngine.Propose(calendar, Single(night, night, 165)).ShouldBeEmpty();
    }

    private static string Day(LocalDate date) => date.ToString("dddd d MMMM", System.Globalization.CultureInfo.InvariantCulture);

    private static SchedulingSettings Every15Minutes => SchedulingSettings.Default with { StartIntervalMinutes = 15 };

    /// <summary>Open every day from <paramref name="opens"/> to <paramref name="closes"/>; Ava and one room.</summary>
    private static StudioCalendar Night(DateTimeZone zone, LocalTime opens, LocalTime closes) => new(
        zone,
        [.. Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).Select(d => new OpeningInterval(d, opens, closes))],
        [],
        [new PractitionerCalendar(Ava, [])],
        [Room],
        []);
}

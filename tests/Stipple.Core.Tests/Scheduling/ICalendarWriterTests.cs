using NodaTime;
using Stipple.Core.Scheduling;

namespace Stipple.Core.Tests.Scheduling;

public sealed class ICalendarWriterTests
{
    private static readonly Instant Stamp = Instant.FromUtc(2026, 3, 1, 8, 30, 5);

    [Fact]
    public void Writes_a_published_calendar_with_utc_times_and_crlf_lines()
    {
        var start = Instant.FromUtc(2026, 3, 3, 10, 0);
        var text = ICalendarWriter.Write("Stipple – Sam", [
            new ICalendarEvent("a1@stipple", start, start + Duration.FromHours(4), "Session 1 of 3, Ada; foundation", "Room A", "Line one\nLine two", ICalendarEventStatus.Confirmed, 0),
            new ICalendarEvent("a2@stipple", start + Duration.FromDays(12), start + Duration.FromDays(12) + Duration.FromHours(3), "Session 2 of 3", null, null, ICalendarEventStatus.Cancelled, 2),
        ], Stamp, "Europe/London");

        text.ShouldStartWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Stipple//Stipple scheduling//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
        text.ShouldEndWith("END:VCALENDAR\r\n");
        text.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n');
        text.ShouldContain("X-WR-CALNAME:Stipple – Sam\r\n");
        text.ShouldContain("X-WR-TIMEZONE:Europe/London\r\n");
        text.ShouldContain("BEGIN:VEVENT\r\nUID:a1@stipple\r\nDTSTAMP:20260301T083005Z\r\nDTSTART:20260303T100000Z\r\nDTEND:20260303T140000Z\r\nSEQUENCE:0\r\nSTATUS:CONFIRMED\r\n");
        text.ShouldContain(@"SUMMARY:Session 1 of 3\, Ada\; foundation" + "\r\n");
        text.ShouldContain("LOCATION:Room A\r\n");
        text.ShouldContain(@"DESCRIPTION:Line one\nLine two" + "\r\n");
        text.ShouldContain("UID:a2@stipple\r\n");
        text.ShouldContain("DTSTART:20260315T100000Z\r\n");
        text.ShouldContain("SEQUENCE:2\r\nSTATUS:CANCELLED\r\n");
        CountOf(text, "BEGIN:VEVENT").ShouldBe(2);
        CountOf(text, "END:VEVENT").ShouldBe(2);
    }

    [Fact]
    public void An_empty_calendar_is_still_valid()
    {
        var text = ICalendarWriter.Write("Empty", [], Stamp);
        text.ShouldNotContain("VEVENT");
        text.ShouldNotContain("X-WR-TIMEZONE");
        text.ShouldEndWith("END:VCALENDAR\r\n");
    }

    [Fact]
    public void Every_line_of_a_long_description_is_folded()
    {
        var start = Instant.FromUtc(2026, 3, 3, 10, 0);
        var description = string.Concat(Enumerable.Repeat("Zoë’s plan — ½ density, then 日本語 😀; ", 20));
        var text = ICalendarWriter.Write("x", [new ICalendarEvent("u@stipple", start, start + Duration.FromHours(1), "s", null, description, ICalendarEventStatus.Confirmed, 0)], Stamp);
        foreach (var line in text[..^2].Split("\r\n"))
        {
            System.Text.Encoding.UTF8.GetByteCount(line).ShouldBeLessThanOrEqualTo(75);
        }

        text.Replace("\r\n ", "", StringComparison.Ordinal).ShouldContain("DESCRIPTION:" + ICalendarText.Escape(description) + "\r\n");
    }

    [Fact]
    public void An_event_that_ends_before_it_starts_is_refused()
    {
        var start = Instant.FromUtc(2026, 3, 3, 10, 0);
        Should.Throw<ArgumentException>(() => ICalendarWriter.Write("x", [new ICalendarEvent("u", start, start, "s", null, null, ICalendarEventStatus.Confirmed, 0)], Stamp));
    }

    [Fact]
    public void Utc_times_use_the_basic_format()
    {
        ICalendarWriter.FormatUtc(Instant.FromUtc(2026, 12, 31, 23, 59, 58)).ShouldBe("20261231T235958Z");
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}

using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Stipple.Core.Scheduling;

/// <summary>
/// Writes a published iCalendar object (RFC 5545): one VCALENDAR (VERSION 2.0, GREGORIAN, METHOD:PUBLISH as RFC 5546
/// §3.2.1 describes for a read-only feed) holding one VEVENT per event, every time in UTC ("form #2", §3.3.5), so no
/// VTIMEZONE is needed. Lines end in CRLF and are folded at 75 octets; TEXT values are escaped.
/// </summary>
public static class ICalendarWriter
{
    /// <summary>The PRODID every Stipple feed carries (§3.7.3).</summary>
    public const string ProductId = "-//Stipple//Stipple scheduling//EN";

    private static readonly InstantPattern UtcPattern = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    /// <summary>
    /// The calendar as text. <paramref name="stamp"/> is the DTSTAMP of every event (when this copy was made);
    /// <paramref name="timeZoneId"/>, when given, is the X-WR-TIMEZONE hint some programs use for display.
    /// </summary>
    public static string Write(string calendarName, IEnumerable<ICalendarEvent> events, Instant stamp, string? timeZoneId = null)
    {
        ArgumentNullException.ThrowIfNull(calendarName);
        ArgumentNullException.ThrowIfNull(events);
        var builder = new StringBuilder(4096);
        Line(builder, "BEGIN:VCALENDAR");
        Line(builder, "VERSION:2.0");
        Line(builder, "PRODID:" + ProductId);
        Line(builder, "CALSCALE:GREGORIAN");
        Line(builder, "METHOD:PUBLISH");
        Line(builder, "X-WR-CALNAME:" + ICalendarText.Escape(calendarName));
        if (!string.IsNullOrEmpty(timeZoneId))
        {
            Line(builder, "X-WR-TIMEZONE:" + ICalendarText.Escape(timeZoneId));
        }

        // Subscribers poll a feed; an hour keeps bookings fresh without hammering the server.
        Line(builder, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        Line(builder, "X-PUBLISHED-TTL:PT1H");
        foreach (var e in events)
        {
            if (e is null || e.End <= e.Start || e.Sequence < 0)
            {
                throw new ArgumentException($"Event {e?.Uid} is missing, ends before it starts or has a negative sequence.", nameof(events));
            }

            WriteEvent(builder, e, stamp);
        }

        Line(builder, "END:VCALENDAR");
        return builder.ToString();
    }

    /// <summary>An instant as an iCalendar UTC DATE-TIME, e.g. <c>20260303T100000Z</c> (§3.3.5).</summary>
    public static string FormatUtc(Instant instant) => UtcPattern.Format(instant);

    private static void WriteEvent(StringBuilder builder, ICalendarEvent e, Instant stamp)
    {
        Line(builder, "BEGIN:VEVENT");
        Line(builder, "UID:" + ICalendarText.Escape(e.Uid));
        Line(builder, "DTSTAMP:" + FormatUtc(stamp));
        Line(builder, "DTSTART:" + FormatUtc(e.Start));
        Line(builder, "DTEND:" + FormatUtc(e.End));
        Line(builder, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
        Line(builder, "STATUS:" + (e.Status == ICalendarEventStatus.Cancelled ? "CANCELLED" : "CONFIRMED"));
        Line(builder, "SUMMARY:" + ICalendarText.Escape(e.Summary));
        if (!string.IsNullOrEmpty(e.Location))
        {
            Line(builder, "LOCATION:" + ICalendarText.Escape(e.Location));
        }

        if (!string.IsNullOrEmpty(e.Description))
        {
            Line(builder, "DESCRIPTION:" + ICalendarText.Escape(e.Description));
        }

        Line(builder, "TRANSP:" + (e.Status == ICalendarEventStatus.Cancelled ? "TRANSPARENT" : "OPAQUE"));
        Line(builder, "END:VEVENT");
    }

    private static void Line(StringBuilder builder, string line) => ICalendarText.AppendFolded(builder, line);
}

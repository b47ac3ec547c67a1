namespace Stipple.Core.Scheduling;

/// <summary>A VEVENT's STATUS (RFC 5545 §3.8.1.11).</summary>
public enum ICalendarEventStatus
{
    /// <summary>STATUS:CONFIRMED.</summary>
    Confirmed,

    /// <summary>STATUS:CANCELLED: calendar programs remove or strike out the event.</summary>
    Cancelled,
}

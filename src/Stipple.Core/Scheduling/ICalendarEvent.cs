using NodaTime;

namespace Stipple.Core.Scheduling;

/// <summary>
/// One VEVENT of a published calendar (RFC 5545 §3.6.1). Times are instants, written in UTC. <see cref="Uid"/> must stay
/// the same for the same appointment across every download, and <see cref="Sequence"/> grows with each change to it
/// (§3.8.7.4) so subscribers replace their copy.
/// </summary>
/// <param name="Uid">Globally unique id, e.g. <c>&lt;appointment id&gt;@stipple</c>.</param>
/// <param name="Start">DTSTART.</param>
/// <param name="End">DTEND, after <paramref name="Start"/>.</param>
/// <param name="Summary">SUMMARY: the one-line title.</param>
/// <param name="Location">LOCATION, or null.</param>
/// <param name="Description">DESCRIPTION (may hold line breaks), or null.</param>
/// <param name="Status">STATUS.</param>
/// <param name="Sequence">SEQUENCE: 0 for a new event, then one more per revision.</param>
public sealed record ICalendarEvent(
    string Uid,
    Instant Start,
    Instant End,
    string Summary,
    string? Location,
    string? Description,
    ICalendarEventStatus Status,
    int Sequence);

using System.Globalization;
using NodaTime;

namespace Stipple.Web.Features.Calendar;

/// <summary>
/// Everything one calendar page needs, loaded in a fixed number of queries (<see cref="CalendarService"/>): the studio's
/// zone and clock, the people and rooms, opening and working hours, closures, time off and the appointments in range.
/// Answers whether a slot is closed for a practitioner or a room, and why.
/// </summary>
internal sealed class CalendarSnapshot
{
    public required DateTimeZone Zone { get; init; }

    public required CultureInfo Culture { get; init; }

    public required Instant Now { get; init; }

    public LocalDate Today => Now.InZone(Zone).Date;

    /// <summary>Practitioners who take bookings and are active, by name.</summary>
    public required IReadOnlyList<CalendarResource> Practitioners { get; init; }

    /// <summary>Active rooms, by name.</summary>
    public required IReadOnlyList<CalendarResource> Rooms { get; init; }

    /// <summary>Every member of staff's and every room's name, past ones included (old appointments still name them).</summary>
    public required IReadOnlyDictionary<Guid, string> Names { get; init; }

    /// <summary>The studio's opening hours: weekday → [opens, closes) in minutes after local midnight.</summary>
    public required ILookup<IsoDayOfWeek, (int Opens, int Closes)> StudioHours { get; init; }

    /// <summary>Practitioners' own working hours; one without rows works whenever the studio is open.</summary>
    public required IReadOnlyDictionary<Guid, ILookup<IsoDayOfWeek, (int Opens, int Closes)>> StaffHours { get; init; }

    public required IReadOnlyList<(LocalDate From, LocalDate To, string Reason)> Closures { get; init; }

    public required IReadOnlyList<(Guid StaffId, Instant From, Instant To, string Reason)> TimeOff { get; init; }

    /// <summary>Appointments that overlap the range shown, cancelled ones included, by start.</summary>
    public required IReadOnlyList<CalendarEntry> Entries { get; init; }

    public IReadOnlyList<CalendarResource> Resources(CalendarAxis axis) => axis == CalendarAxis.Room ? Rooms : Practitioners;

    public string NameOf(Guid id) => Names.TryGetValue(id, out var name) ? name : "—";

    /// <summary>The studio closure covering <paramref name="date"/>, if any.</summary>
    public string? ClosureOn(LocalDate date)
    {
        foreach (var (from, to, reason) in Closures)
        {
            if (from <= date && date <= to)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>
    /// Why the slot [<paramref name="minute"/>, +15) of <paramref name="date"/> cannot be booked for the resource, or
    /// null when it is open. Rooms follow the studio; practitioners also their own hours and time off.
    /// </summary>
    public string? ClosedReason(CalendarAxis axis, Guid resourceId, LocalDate date, int minute, Instant slotStart)
    {
        if (ClosureOn(date) is { } closure)
        {
            return "Closed: " + closure;
        }

        if (!Within(StudioHours[date.DayOfWeek], minute))
        {
            return "Closed";
        }

        if (axis == CalendarAxis.Room)
        {
            return null;
        }

        if (StaffHours.TryGetValue(resourceId, out var own) && !Within(own[date.DayOfWeek], minute))
        {
            return "Not working";
        }

        foreach (var (staffId, from, to, reason) in TimeOff)
        {
            // Any overlap closes the slot: time off from 10:05 leaves no free 10:00 slot (booking would refuse it).
            if (staffId == resourceId && from < slotStart + Duration.FromMinutes(CalendarGridBuilder.SlotMinutes) && slotStart < to)
            {
                return reason.Length == 0 ? "Time off" : "Time off: " + reason;
            }
        }

        return null;
    }

    private static bool Within(IEnumerable<(int Opens, int Closes)> intervals, int minute)
    {
        foreach (var (opens, closes) in intervals)
        {
            if (opens <= minute && minute + CalendarGridBuilder.SlotMinutes <= closes)
            {
                return true;
            }
        }

        return false;
    }
}

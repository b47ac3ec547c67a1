using System.Globalization;
using NodaTime;
using Stipple.Web.Features.StudioCalendar;

namespace Stipple.Web.Features.Calendar;

/// <summary>
/// Lays appointments out on a grid of 15-minute rows of wall-clock time in the studio's zone. Positions come from local
/// times, never from elapsed time, so a day of 23 or 25 hours still reads 09:00 at 09:00: a wall-clock time the clocks
/// skip is a row marked as skipped, and an appointment across the gap simply spans it.
/// </summary>
internal static class CalendarGridBuilder
{
    public const int SlotMinutes = 15;

    private const int DayMinutes = 24 * 60;


    public static CalendarGrid Build(CalendarSnapshot snapshot, CalendarAxis axis, IReadOnlyList<(LocalDate Date, CalendarResource Resource)> columns, bool showCancelled)
    {
        var placed = columns.Select(c => (c.Date, c.Resource, Entries: EntriesOn(snapshot, axis, c.Resource.Id, c.Date, showCancelled))).ToList();
        var (first, last) = RowRange(snapshot, placed.SelectMany(p => p.Entries.Select(e => (p.Date, e))));
        var rowCount = (last - first) / SlotMinutes;
        var nowLocal = snapshot.Now.InZone(snapshot.Zone).LocalDateTime;
        var showsToday = columns.Any(c => c.Date == nowLocal.Date);
        var nowMinute = (nowLocal.Hour * 60) + nowLocal.Minute;
        var rows = Enumerable.Range(0, rowCount).Select(i =>
        {
            var minute = first + (i * SlotMinutes);
            return new CalendarRow(i, minute, Label(minute), showsToday && minute <= nowMinute && nowMinute < minute + SlotMinutes);
        }).ToList();
        var built = placed.Select(p => Column(snapshot, axis, p.Date, p.Resource, p.Entries, first, rowCount)).ToList();
        return new CalendarGrid(rows, built);
    }

    /// <summary>The live (and, when shown, cancelled) appointments of one practitioner or room that touch the local day.</summary>
    private static List<CalendarEntry> EntriesOn(CalendarSnapshot snapshot, CalendarAxis axis, Guid resourceId, LocalDate date, bool showCancelled)
    {
        var dayStart = snapshot.Zone.AtStartOfDay(date).ToInstant();
        var dayEnd = snapshot.Zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
        return [.. snapshot.Entries.Where(e =>
            (axis == CalendarAxis.Room ? e.RoomId : e.PractitionerId) == resourceId
            && (showCancelled || e.IsLive)
            && e.StartsAt < dayEnd && e.HeldUntil > dayStart)];
    }

    /// <summary>
    /// The rows shown: from the earliest opening to the latest closing across the studio's week (whole hours), widened
    /// to any appointment outside them so that nothing booked is ever hidden.
    /// </summary>
    private static (int First, int Last) RowRange(CalendarSnapshot snapshot, IEnumerable<(LocalDate Date, CalendarEntry Entry)> entries)
    {
        var hours = snapshot.StudioHours.SelectMany(g => g).ToList();
        var first = hours.Count == 0 ? 9 * 60 : hours.Min(h => h.Opens);
        var last = hours.Count == 0 ? 18 * 60 : hours.Max(h => h.Closes);
        foreach (var (date, entry) in entries)
        {
            first = Math.Min(first, MinuteOn(snapshot.Zone, entry.StartsAt, date));
            last = Math.Max(last, MinuteOn(snapshot.Zone, entry.HeldUntil, date));
        }

        first = first / 60 * 60;
        last = Math.Min(DayMinutes, (last + 59) / 60 * 60);
        return last > first ? (first, last) : (first, Math.Min(DayMinutes, first + 60));
    }

    /// <summary>Minutes after local midnight of <paramref name="date"/>: 0 for an earlier day, 1440 for a later one.</summary>
    private static int MinuteOn(DateTimeZone zone, Instant instant, LocalDate date)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return local.Date < date ? 0 : local.Date > date ? DayMinutes : (local.Hour * 60) + local.Minute;
    }

    private static CalendarColumn Column(CalendarSnapshot snapshot, CalendarAxis axis, LocalDate date, CalendarResource resource, List<CalendarEntry> entries, int first, int rowCount)
    {
        var zone = snapshot.Zone;
        int RowOf(int minute, bool up) =>
            Math.Clamp(up ? (minute - first + SlotMinutes - 1) / SlotMinutes : (minute - first) / SlotMinutes, 0, rowCount);

        // Where each appointment sits: [start, end) for the client, then the cleanup buffer to [end, held).
        var placements = new List<Placement>();
        foreach (var entry in entries.OrderBy(e => e.IsLive ? 0 : 1).ThenBy(e => e.StartsAt))
        {
            var start = Math.Min(RowOf(MinuteOn(zone, entry.StartsAt, date), up: false), rowCount - 1);
            var end = Math.Max(start + 1, RowOf(MinuteOn(zone, entry.EndsAt, date), up: true));
            var held = Math.Max(end, RowOf(MinuteOn(zone, entry.HeldUntil, date), up: true));
            placements.Add(new Placement(Item(snapshot, entry, date), start, end, held));
        }

        // Lanes: live appointments never overlap one practitioner or room (the database forbids it), so they share the
        // first lane; cancelled ones, when shown, go beside them. Overlaps that wall-clock rows create (the repeated
        // hour when clocks go back) get a lane of their own too.
        var occupied = new List<bool[]>();
        var laneOf = new int[placements.Count];
        for (var i = 0; i < placements.Count; i++)
        {
            var p = placements[i];
            var lane = p.Item.Entry.IsLive ? 0 : 1;
            while (lane < occupied.Count && Enumerable.Range(p.Start, p.Held - p.Start).Any(r => occupied[lane][r]))
            {
                lane++;
            }

            while (occupied.Count <= lane)
            {
                occupied.Add(new bool[rowCount]);
            }

            for (var r = p.Start; r < p.Held; r++)
            {
                occupied[lane][r] = true;
            }

            laneOf[i] = lane;
        }

        if (occupied.Count == 0)
        {
            occupied.Add(new bool[rowCount]);
        }

        var busy = new bool[rowCount];
        for (var i = 0; i < placements.Count; i++)
        {
            if (placements[i].Item.Entry.IsLive)
            {
                for (var r = placements[i].Start; r < placements[i].Held; r++)
                {
                    busy[r] = true;
                }
            }
        }

        var lanes = new List<CalendarLane>();
        var freeMinutes = 0;
        string? closedAllDay = null;
        var allClosed = placements.Count == 0;
        for (var lane = 0; lane < occupied.Count; lane++)
        {
            var cells = new List<CalendarCell>();
            var starting = Enumerable.Range(0, placements.Count).Where(i => laneOf[i] == lane).ToDictionary(i => placements[i].Start, i => placements[i]);
            var state = new (CalendarCellKind Kind, string? Label)[rowCount];
            for (var r = 0; r < rowCount; r++)
            {
                state[r] = lane > 0 || busy[r] ? (CalendarCellKind.Blank, null) : SlotState(snapshot, axis, resource.Id, date, first + (r * SlotMinutes));
            }

            var row = 0;
            while (row < rowCount)
            {
                var at = date.At(LocalTime.Midnight).PlusMinutes(first + (row * SlotMinutes));
                if (starting.TryGetValue(row, out var p))
                {
                    cells.Add(new CalendarCell(CalendarCellKind.Appointment, row, p.End - p.Start, at, null, p.Item));
                    if (p.Held > p.End)
                    {
                        cells.Add(new CalendarCell(CalendarCellKind.Buffer, p.End, p.Held - p.End, at.PlusMinutes((p.End - p.Start) * SlotMinutes), p.Item.CleanupText, p.Item));
                    }

                    row = p.Held;
                    continue;
                }

                var (kind, label) = state[row];
                var span = 1;
                if (kind is CalendarCellKind.Free or CalendarCellKind.Past or CalendarCellKind.Blank)
                {
                    // Open time comes in half-hour cells on :00 and :30 (a quarter-hour cell where it starts at :15 or
                    // :45), so the grid's half-hour lines run on through it.
                    if ((first + (row * SlotMinutes)) % 30 == 0 && row + 1 < rowCount && !occupied[lane][row + 1] && state[row + 1] == state[row])
                    {
                        span = 2;
                    }
                }
                else
                {
                    while (row + span < rowCount && !occupied[lane][row + span] && state[row + span] == state[row])
                    {
                        span++;
                    }
                }

                if (lane == 0)
                {
                    freeMinutes += kind == CalendarCellKind.Free ? span * SlotMinutes : 0;
                    if (kind is CalendarCellKind.Free or CalendarCellKind.Past)
                    {
                        allClosed = false;
                    }
                    else if (kind == CalendarCellKind.Closed && (closedAllDay is null || string.Equals(closedAllDay, "Closed", StringComparison.Ordinal)))
                    {
                        // The most telling reason wins: "Time off" or "Not working" over the plain "Closed" of early rows.
                        closedAllDay = label;
                    }
                }

                cells.Add(new CalendarCell(kind, row, span, at, label));
                row += span;
            }

            lanes.Add(new CalendarLane(cells, rowCount));
        }

        var note = snapshot.ClosureOn(date) is { } closure ? "Closed: " + closure : null;
        var items = placements.OrderBy(p => p.Item.Entry.StartsAt).Select(p => p.Item).ToList();
        return new CalendarColumn(date, resource, date == snapshot.Today, note, lanes, items, freeMinutes, allClosed ? closedAllDay ?? "Closed" : null);
    }

    private static (CalendarCellKind Kind, string? Label) SlotState(CalendarSnapshot snapshot, CalendarAxis axis, Guid resourceId, LocalDate date, int minute)
    {
        var local = date.At(LocalTime.Midnight).PlusMinutes(minute);
        var mapping = snapshot.Zone.MapLocal(local);
        if (mapping.Count == 0)
        {
            return (CalendarCellKind.Skipped, "Clocks go forward");
        }

        var start = mapping.First().ToInstant();
        if (snapshot.ClosedReason(axis, resourceId, date, minute, start) is { } reason)
        {
            return (CalendarCellKind.Closed, reason);
        }

        return start < snapshot.Now ? (CalendarCellKind.Past, null) : (CalendarCellKind.Free, null);
    }

    private static CalendarItem Item(CalendarSnapshot snapshot, CalendarEntry entry, LocalDate date)
    {
        var start = entry.StartsAt.InZone(snapshot.Zone).LocalDateTime;
        var end = entry.EndsAt.InZone(snapshot.Zone).LocalDateTime;
        var held = entry.BlockedUntil.InZone(snapshot.Zone).LocalDateTime;
        var time = Time(start, date, snapshot.Culture) + "–" + Time(end, date, snapshot.Culture);
        var cleanup = entry.IsLive && entry.BlockedUntil > entry.EndsAt ? "Cleanup until " + Time(held, date, snapshot.Culture) : null;
        return new CalendarItem(entry, time, cleanup, snapshot.NameOf(entry.PractitionerId), snapshot.NameOf(entry.RoomId));
    }

    /// <summary>"14:30", or "Mon 23:30" when the time falls on another day than the one shown.</summary>
    private static string Time(LocalDateTime local, LocalDate date, CultureInfo culture) =>
        local.Date == date ? CalendarText.FormatTime(local.TimeOfDay) : local.ToString("ddd HH:mm", culture);

    private static string Label(int minute) => CalendarText.FormatTime(LocalTime.FromMinutesSinceMidnight(minute));

    private sealed record Placement(CalendarItem Item, int Start, int End, int Held);
}

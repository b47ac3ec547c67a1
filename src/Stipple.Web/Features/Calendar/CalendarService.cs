using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Data;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.Scheduling;

namespace Stipple.Web.Features.Calendar;

/// <summary>
/// Reads the calendar: a day or a week, by practitioner or by room, in the studio's zone. Every page costs the same
/// seven queries whatever it shows (studio, staff, rooms, hours, closures, time off, appointments with their clients),
/// and one appointment with its history in three.
/// </summary>
public sealed class CalendarService(StippleDbContext db, StudioClock studio, IClock clock)
{
    /// <summary>
    /// Builds the page for the query <paramref name="read"/> returns once the studio's today is known (a URL without a
    /// date means today in the studio, not on the server).
    /// </summary>
    public async Task<CalendarPageView> GetAsync(Func<LocalDate, CalendarQuery> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await studio.LoadAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var query = read(now.InZone(studio.Zone).Date);
        var snapshot = await LoadAsync(query, studio.Zone, studio.Culture, now, cancellationToken);
        return Build(query, snapshot);
    }

    /// <summary>One appointment with its client, plan step, people, room and history (three queries), or null.</summary>
    public async Task<AppointmentDetails?> GetAppointmentAsync(Guid id, CancellationToken cancellationToken)
    {
        await studio.LoadAsync(cancellationToken);
        var zone = studio.Zone;
        var culture = studio.Culture;
        var a = await (
                from x in db.Appointments.AsNoTracking()
                where x.Id == id
                join c in db.Clients on new { x.StudioId, x.ClientId } equals new { c.StudioId, ClientId = c.Id }
                join s in db.StaffUsers on new { x.StudioId, Id = x.PractitionerId } equals new { s.StudioId, s.Id }
                join r in db.Rooms on new { x.StudioId, Id = x.RoomId } equals new { r.StudioId, r.Id }
                join p in db.TreatmentPlans on new { x.StudioId, x.PlanId } equals new { p.StudioId, PlanId = (Guid?)p.Id } into plans
                from p in plans.DefaultIfEmpty()
                join b in db.StaffUsers on new { x.StudioId, Id = x.BookedBy } equals new { b.StudioId, Id = (Guid?)b.Id } into bookers
                from b in bookers.DefaultIfEmpty()
                select new
                {
                    x.Id, x.ClientId, c.GivenName, c.FamilyName, x.Kind, x.Step, SessionCount = (int?)p.SessionCount, x.Status,
                    x.StartsAt, x.EndsAt, x.BlockedUntil, Practitioner = s.DisplayName, Room = r.Name,
                    x.BookedAt, BookedBy = (string?)b.DisplayName, x.LateNotice,
                })
            .SingleOrDefaultAsync(cancellationToken);
        if (a is null)
        {
            return null;
        }

        var events = await (
                from e in db.AppointmentEvents.AsNoTracking()
                where e.AppointmentId == id
                join s in db.StaffUsers on new { e.StudioId, Id = e.ByStaff } equals new { s.StudioId, Id = (Guid?)s.Id } into staff
                from s in staff.DefaultIfEmpty()
                orderby e.At
                select new { e.Kind, e.At, By = (string?)s.DisplayName, e.FromStartsAt, e.ToStartsAt, e.LateNotice, e.Reason })
            .ToListAsync(cancellationToken);

        var start = a.StartsAt.InZone(zone);
        var end = a.EndsAt.InZone(zone);
        var when = studio.FormatDate(start.Date) + ", " + start.ToString("HH:mm", culture) + "–"
            + (end.Date == start.Date ? end.ToString("HH:mm", culture) : end.ToString("d MMM HH:mm", culture));
        var cleanup = a.BlockedUntil > a.EndsAt ? "Practitioner and room held until " + a.BlockedUntil.InZone(zone).ToString("HH:mm", culture) + " for cleanup" : null;
        var history = events.Select(e => new AppointmentHistoryEntry(
            AppointmentLabels.Event(e.Kind), studio.FormatDateTime(e.At), e.By,
            e.FromStartsAt is { } movedFrom && e.ToStartsAt is { } movedTo ? $"from {studio.FormatDateTime(movedFrom)} to {studio.FormatDateTime(movedTo)}" : null,
            e.LateNotice, e.Reason)).ToList();
        return new AppointmentDetails(
            a.Id, a.ClientId, a.GivenName + " " + a.FamilyName, AppointmentLabels.For(a.Kind, a.Step, a.SessionCount), a.Status,
            start.Date, when, cleanup, a.Practitioner, a.Room,
            "Booked " + studio.FormatDateTime(a.BookedAt) + (a.BookedBy is null ? "" : " by " + a.BookedBy),
            a.LateNotice, clock.GetCurrentInstant() >= a.StartsAt, history);
    }

    private async Task<CalendarSnapshot> LoadAsync(CalendarQuery query, DateTimeZone zone, CultureInfo culture, Instant now, CancellationToken cancellationToken)
    {
        var firstDay = query.FirstDay;
        var lastDay = firstDay.PlusDays(query.DayCount - 1);
        var rangeStart = zone.AtStartOfDay(firstDay).ToInstant();
        var rangeEnd = zone.AtStartOfDay(lastDay.PlusDays(1)).ToInstant();

        var staff = await db.StaffUsers.AsNoTracking()
            .OrderBy(s => s.DisplayName)
            .Select(s => new { s.Id, s.DisplayName, Bookable = s.TakesBookings && s.IsActive })
            .ToListAsync(cancellationToken);
        var rooms = await db.Rooms.AsNoTracking()
            .OrderBy(r => r.Name)
            .Select(r => new { r.Id, r.Name, r.IsActive })
            .ToListAsync(cancellationToken);
        var hours = await db.WeeklyHours.AsNoTracking()
            .Select(h => new { h.StaffId, h.Weekday, h.Opens, h.Closes })
            .ToListAsync(cancellationToken);
        var closures = await db.Closures.AsNoTracking()
            .Where(c => c.StartsOn <= lastDay && c.EndsOn >= firstDay)
            .OrderBy(c => c.StartsOn)
            .Select(c => new { c.StartsOn, c.EndsOn, c.Reason })
            .ToListAsync(cancellationToken);
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(t => t.StartsAt < rangeEnd && t.EndsAt > rangeStart)
            .Select(t => new { t.StaffId, t.StartsAt, t.EndsAt, t.Reason })
            .ToListAsync(cancellationToken);
        var appointments = await (
                from a in db.Appointments.AsNoTracking()
                where a.StartsAt < rangeEnd && a.BlockedUntil > rangeStart
                join c in db.Clients on new { a.StudioId, a.ClientId } equals new { c.StudioId, ClientId = c.Id }
                join p in db.TreatmentPlans on new { a.StudioId, a.PlanId } equals new { p.StudioId, PlanId = (Guid?)p.Id } into plans
                from p in plans.DefaultIfEmpty()
                orderby a.StartsAt
                select new
                {
                    a.Id, c.GivenName, c.FamilyName, a.Kind, a.Step, SessionCount = (int?)p.SessionCount,
                    a.PractitionerId, a.RoomId, a.StartsAt, a.EndsAt, a.BlockedUntil, a.Status,
                })
            .ToListAsync(cancellationToken);

        static int Minutes(LocalTime time) => (time.Hour * 60) + time.Minute;
        var entries = appointments.Select(a => new CalendarEntry(
            a.Id, a.GivenName + " " + a.FamilyName, AppointmentLabels.For(a.Kind, a.Step, a.SessionCount),
            a.PractitionerId, a.RoomId, a.StartsAt, a.EndsAt, a.BlockedUntil, a.Status)).ToList();

        // A practitioner or room no longer bookable still gets a column while it has appointments in range.
        var used = entries.Where(e => e.IsLive).SelectMany(e => new[] { e.PractitionerId, e.RoomId }).ToHashSet();
        return new CalendarSnapshot
        {
            Zone = zone,
            Culture = culture,
            Now = now,
            Practitioners = [.. staff.Where(s => s.Bookable || used.Contains(s.Id)).Select(s => new CalendarResource(s.Id, s.DisplayName))],
            Rooms = [.. rooms.Where(r => r.IsActive || used.Contains(r.Id)).Select(r => new CalendarResource(r.Id, r.Name))],
            Names = staff.Select(s => (s.Id, Name: s.DisplayName)).Concat(rooms.Select(r => (r.Id, r.Name))).ToDictionary(x => x.Id, x => x.Name),
            StudioHours = hours.Where(h => h.StaffId is null).ToLookup(h => h.Weekday, h => (Minutes(h.Opens), Minutes(h.Closes))),
            StaffHours = hours.Where(h => h.StaffId is not null).GroupBy(h => h.StaffId!.Value)
                .ToDictionary(g => g.Key, g => g.ToLookup(h => h.Weekday, h => (Minutes(h.Opens), Minutes(h.Closes)))),
            Closures = [.. closures.Select(c => (c.StartsOn, c.EndsOn, c.Reason))],
            TimeOff = [.. timeOff.Select(t => (t.StaffId, t.StartsAt, t.EndsAt, t.Reason))],
            Entries = entries,
        };
    }

    private static CalendarPageView Build(CalendarQuery query, CalendarSnapshot snapshot)
    {
        var resources = snapshot.Resources(query.Axis);
        var selected = query.ResourceId is { } id ? resources.FirstOrDefault(r => r.Id == id) : null;
        if (selected is null)
        {
            query = query with { ResourceId = null };
        }

        var days = Enumerable.Range(0, query.DayCount).Select(i => query.FirstDay.PlusDays(i)).ToList();
        var heading = query.Period == CalendarPeriod.Day
            ? query.Date.ToString("dddd d MMMM yyyy", snapshot.Culture)
            : WeekHeading(days[0], days[^1], snapshot.Culture);
        CalendarGrid? grid = null;
        CalendarWeekSummary? summary = null;
        if (query.Period == CalendarPeriod.Week && query.All)
        {
            summary = new CalendarWeekSummary([.. resources.Select(r =>
                new CalendarSummaryRow(r, CalendarGridBuilder.Build(snapshot, query.Axis, [.. days.Select(d => (d, r))], query.ShowCancelled).Columns))]);
        }
        else if (query.Period == CalendarPeriod.Day)
        {
            var shown = selected is null ? resources : [selected];
            grid = CalendarGridBuilder.Build(snapshot, query.Axis, [.. shown.Select(r => (query.Date, r))], query.ShowCancelled);
        }
        else if ((selected ?? (resources.Count > 0 ? resources[0] : null)) is { } one)
        {
            selected = one;
            grid = CalendarGridBuilder.Build(snapshot, query.Axis, [.. days.Select(d => (d, one))], query.ShowCancelled);
        }

        // How many cancelled appointments the "show cancelled" switch would add to what is on screen.
        var cancelled = snapshot.Entries.Count(e => !e.IsLive && (query.Axis == CalendarAxis.Room ? e.RoomId : e.PractitionerId) is var owner
            && (selected is null ? resources.Any(r => r.Id == owner) : selected.Id == owner));
        return new CalendarPageView(query, heading, snapshot.Today, snapshot.Zone.Id, [.. days.Select(d => Day(d, snapshot))], resources, selected, grid, summary, cancelled);
    }

    private static CalendarDay Day(LocalDate date, CalendarSnapshot snapshot) =>
        new(date, date.ToString("ddd", snapshot.Culture), date.ToString("d MMM", snapshot.Culture), date == snapshot.Today,
            snapshot.ClosureOn(date) is { } reason ? "Closed: " + reason : null);

    /// <summary>"30 March – 5 April 2026", "29 December 2025 – 4 January 2026".</summary>
    private static string WeekHeading(LocalDate first, LocalDate last, CultureInfo culture) =>
        first.Year == last.Year
            ? first.ToString("d MMMM", culture) + " – " + last.ToString("d MMMM yyyy", culture)
            : first.ToString("d MMMM yyyy", culture) + " – " + last.ToString("d MMMM yyyy", culture);
}

using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Data;
using Stipple.Domain;

namespace Stipple.Web.Features.CalendarFeeds;

/// <summary>
/// The appointments a feed shows: from 30 days back to 400 days ahead; cancelled ones for 30 days after the
/// cancellation, so subscribed calendars see STATUS:CANCELLED and drop them. Two queries, whatever the count.
/// </summary>
internal static class CalendarFeedRows
{
    public static readonly Duration Past = Duration.FromDays(30);

    public static readonly Duration Ahead = Duration.FromDays(400);

    public static readonly Duration CancelledShown = Duration.FromDays(30);

    public static async Task<List<CalendarFeedRow>> LoadAsync(StippleDbContext db, CalendarFeed feed, Instant now, CancellationToken cancellationToken)
    {
        var from = now - Past;
        var to = now + Ahead;
        var cancelledSince = now - CancelledShown;
        var appointments = db.Appointments.AsNoTracking()
            .Where(a => a.StartsAt >= from && a.StartsAt < to)
            .Where(a => a.Status != AppointmentStatus.Cancelled || a.CancelledAt >= cancelledSince);
        appointments = feed.StaffId is { } staffId
            ? appointments.Where(a => a.PractitionerId == staffId)
            : appointments.Where(a => a.ClientId == feed.ClientId);

        var rows = await (
            from a in appointments
            join c in db.Clients on a.ClientId equals c.Id
            join p in db.StaffUsers on a.PractitionerId equals p.Id
            join r in db.Rooms on a.RoomId equals r.Id
            join plan in db.TreatmentPlans on a.PlanId equals plan.Id into plans
            from plan in plans.DefaultIfEmpty()
            orderby a.StartsAt
            select new CalendarFeedRow(
                a.Id, a.Kind, a.Step, plan == null ? null : plan.SessionCount, plan == null ? "" : plan.Note, a.StartsAt, a.EndsAt, a.Status,
                c.Id, c.GivenName + " " + c.FamilyName, c.TimeZone, p.DisplayName, r.Name, 0))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return rows;
        }

        // SEQUENCE (RFC 5545 §3.8.7.4) counts the revisions subscribers must pick up: each move and the cancellation.
        var ids = rows.Select(r => r.Id).ToList();
        var revisions = await db.AppointmentEvents.AsNoTracking()
            .Where(e => ids.Contains(e.AppointmentId) && (e.Kind == AppointmentEventKind.Rescheduled || e.Kind == AppointmentEventKind.Cancelled))
            .GroupBy(e => e.AppointmentId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return [.. rows.Select(r => revisions.TryGetValue(r.Id, out var n) ? r with { Revisions = n } : r)];
    }
}

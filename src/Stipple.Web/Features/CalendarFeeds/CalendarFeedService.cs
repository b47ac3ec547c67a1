using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Scheduling;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.CalendarFeeds;

/// <summary>
/// Secret iCalendar feed links for a practitioner or a client: made (replacing the previous link), turned off, and
/// read. The URL carries a 32-byte random token; the database keeps only its SHA-256 (<see cref="LinkTokens"/>), so a
/// link is shown once, when it is made.
/// </summary>
public sealed class CalendarFeedService(StippleDbContext db, StudioScope scope, IClock clock)
{
    /// <summary>The path of a feed, e.g. <c>/calendar/abc….ics</c>.</summary>
    public static string PathFor(string token) => "/calendar/" + token + ".ics";

    public async Task<CalendarFeedStatus?> StatusAsync(CalendarFeedTarget target, CancellationToken cancellationToken)
    {
        var owner = await OwnerNameAsync(target, cancellationToken);
        if (owner is null)
        {
            return null;
        }

        var since = await Active(target).OrderByDescending(f => f.CreatedAt).Select(f => (Instant?)f.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return new CalendarFeedStatus(owner, since);
    }

    /// <summary>Makes a new link (the old one stops working) and returns its token; null when the target does not exist.</summary>
    public async Task<string?> CreateAsync(CalendarFeedTarget target, Guid? createdBy, CancellationToken cancellationToken)
    {
        if (await OwnerNameAsync(target, cancellationToken) is null)
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        foreach (var old in await Active(target).ToListAsync(cancellationToken))
        {
            old.Revoke(now);
        }

        var token = LinkTokens.New();
        var hash = LinkTokens.Hash(token);
        db.CalendarFeeds.Add(target.StaffId is { } staffId
            ? CalendarFeed.ForStaff(scope.Required, staffId, hash, createdBy, now)
            : CalendarFeed.ForClient(scope.Required, target.ClientId!.Value, hash, createdBy, now));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Turns the target's link off; false when the target does not exist.</summary>
    public async Task<bool> TurnOffAsync(CalendarFeedTarget target, CancellationToken cancellationToken)
    {
        if (await OwnerNameAsync(target, cancellationToken) is null)
        {
            return false;
        }

        var now = clock.GetCurrentInstant();
        foreach (var old in await Active(target).ToListAsync(cancellationToken))
        {
            old.Revoke(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The feed behind a token as iCalendar text, or null for an unknown or turned-off link. Scopes the request to the
    /// feed's studio. <paramref name="baseUrl"/> (scheme, host, path base) makes the staff feed's links to client records.
    /// </summary>
    public async Task<string?> RenderAsync(string? token, string baseUrl, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = LinkTokens.Hash(token);
        var location = await db.Database
            .SqlQuery<FeedLocation>($"select studio_id as \"StudioId\", feed_id as \"FeedId\" from stipple_find_calendar_feed({hash})")
            .SingleOrDefaultAsync(cancellationToken);
        if (location is null)
        {
            return null;
        }

        scope.Set(location.StudioId);
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == location.FeedId && f.RevokedAt == null, cancellationToken);
        if (feed is null)
        {
            return null;
        }

        var studio = await db.Studios.AsNoTracking().SingleAsync(cancellationToken);
        var settings = SchedulingJson.Read(studio.SchedulingSettingsJson);
        var rows = await CalendarFeedRows.LoadAsync(db, feed, clock.GetCurrentInstant(), cancellationToken);
        var target = feed.StaffId is { } staffId ? CalendarFeedTarget.Staff(staffId) : CalendarFeedTarget.Client(feed.ClientId!.Value);
        var owner = await OwnerNameAsync(target, cancellationToken) ?? "";
        var isStaff = feed.StaffId is not null;
        var events = rows.Select(r => isStaff ? CalendarFeedEvents.ForPractitioner(r, studio, baseUrl) : CalendarFeedEvents.ForClient(r, studio, settings));
        var zone = isStaff ? studio.TimeZone : rows.Count > 0 ? rows[0].ClientTimeZone ?? studio.TimeZone : studio.TimeZone;
        var name = isStaff ? $"{studio.Name} – {owner}" : $"{studio.Name} – your appointments";
        return ICalendarWriter.Write(name, events, clock.GetCurrentInstant(), zone);
    }

    private IQueryable<CalendarFeed> Active(CalendarFeedTarget target) =>
        db.CalendarFeeds.Where(f => f.RevokedAt == null && (target.StaffId != null ? f.StaffId == target.StaffId : f.ClientId == target.ClientId));

    private async Task<string?> OwnerNameAsync(CalendarFeedTarget target, CancellationToken cancellationToken)
    {
        if (!target.IsValid)
        {
            return null;
        }

        return target.StaffId is { } staffId
            ? await db.StaffUsers.AsNoTracking().Where(s => s.Id == staffId).Select(s => s.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : await db.Clients.AsNoTracking().Where(c => c.Id == target.ClientId).Select(c => c.GivenName + " " + c.FamilyName).SingleOrDefaultAsync(cancellationToken);
    }

    private sealed record FeedLocation(Guid StudioId, Guid FeedId);
}

using Microsoft.AspNetCore.Mvc;
using Stipple.Web.Features.Layout;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.CalendarFeeds;

/// <summary>The calendar feed section for a practitioner (their own, on Your security) or a client (on the client's page).</summary>
public sealed class CalendarFeedViewComponent(CalendarFeedService feeds, StudioClock clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid? staffId, Guid? clientId)
    {
        var target = new CalendarFeedTarget(staffId, clientId);
        var status = await feeds.StatusAsync(target, HttpContext.RequestAborted);
        if (status is null)
        {
            return Content("");
        }

        await clock.LoadAsync(HttpContext.RequestAborted);
        var since = status.ActiveSince is { } at ? clock.FormatDateTime(at) : null;
        var self = staffId is not null && staffId == UserClaimsPrincipal.UserId();
        return View("~/Features/CalendarFeeds/_CalendarFeed.cshtml",
            new CalendarFeedView(target, status.OwnerName, self, since, null, HttpContext.Request.Path + HttpContext.Request.QueryString));
    }
}

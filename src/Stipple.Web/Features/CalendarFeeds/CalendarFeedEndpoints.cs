using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Stipple.Web.Features.CalendarFeeds;

/// <summary>
/// <c>GET /calendar/{token}.ics</c>: a practitioner's or client's appointments as an iCalendar feed (RFC 5545) for
/// calendar programs to subscribe to. Anonymous: the secret token is the credential; unknown or turned-off → 404.
/// </summary>
public static class CalendarFeedEndpoints
{
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/calendar/{token}.ics", GetAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<ContentHttpResult, NotFound>> GetAsync(string token, HttpContext context, CalendarFeedService feeds, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var text = await feeds.RenderAsync(token, $"{request.Scheme}://{request.Host}{request.PathBase}", cancellationToken);
        if (text is null)
        {
            return TypedResults.NotFound();
        }

        // The feed is personal: no shared cache keeps it, and search engines never index a leaked link.
        context.Response.Headers.CacheControl = "private, max-age=300";
        context.Response.Headers["X-Robots-Tag"] = "noindex";
        return TypedResults.Text(text, "text/calendar", Encoding.UTF8);
    }
}

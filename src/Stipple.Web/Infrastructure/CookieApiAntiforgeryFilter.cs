using Microsoft.AspNetCore.Antiforgery;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Infrastructure;

/// <summary>
/// The API accepts the staff cookie as well as API keys (the design canvas calls it from the page). A cookie-authenticated
/// call that changes something must carry the antiforgery token in the <c>RequestVerificationToken</c> header, or a
/// hostile page could make the browser send it.
/// </summary>
public sealed class CookieApiAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var viaCookie = string.Equals(http.User.Identity?.AuthenticationType, AuthSchemes.Cookie, StringComparison.Ordinal);
        if (viaCookie && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(
                title: "Missing or invalid antiforgery token",
                detail: "Calls made with the sign-in cookie must send the page's antiforgery token in the RequestVerificationToken header.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }
}

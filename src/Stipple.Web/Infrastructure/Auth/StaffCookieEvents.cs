using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Stipple.Data;
using Stipple.Data.Tenancy;

namespace Stipple.Web.Infrastructure.Auth;

/// <summary>
/// Ends a signed-in session whose account was deactivated or whose security stamp changed (password, role or
/// two-factor changes), checked on every request with one indexed query; and answers API calls with 401/403 instead
/// of redirecting to the sign-in page.
/// </summary>
public sealed class StaffCookieEvents : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        var studioId = principal?.StudioId();
        var userId = principal?.UserId();
        var stamp = principal?.FindFirst(StippleClaims.Stamp)?.Value;
        if (studioId is null || userId is null || stamp is null)
        {
            await Reject(context);
            return;
        }

        var services = context.HttpContext.RequestServices;
        services.GetRequiredService<StudioScope>().Set(studioId.Value);
        var db = services.GetRequiredService<StippleDbContext>();
        var current = await db.StaffUsers.AsNoTracking()
            .Where(u => u.Id == userId.Value && u.IsActive)
            .Select(u => (Guid?)u.SecurityStamp)
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is null || !string.Equals(StippleClaims.Format(current.Value), stamp, StringComparison.Ordinal))
        {
            await Reject(context);
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        IsApi(context) ? Status(context, StatusCodes.Status401Unauthorized) : base.RedirectToLogin(context);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        IsApi(context) ? Status(context, StatusCodes.Status403Forbidden) : base.RedirectToAccessDenied(context);

    private static async Task Reject(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
    }

    private static bool IsApi(RedirectContext<CookieAuthenticationOptions> context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}

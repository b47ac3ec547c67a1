using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Accounts;

/// <summary>
/// Signing in or accepting an invitation starts a new session. A browser still signed in (perhaps to another studio,
/// on a shared front-desk computer) is signed out first and sent back to the same address, so the request that does the
/// work carries no other studio.
/// </summary>
public static class FreshSession
{
    public static async Task<IActionResult?> LeaveCurrentSessionAsync(this PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.User.StudioId() is null)
        {
            return null;
        }

        await page.HttpContext.SignOutAsync(AuthSchemes.Cookie);
        return new RedirectResult($"{page.Request.PathBase}{page.Request.Path}{page.Request.QueryString}");
    }
}

using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Domain;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Accounts;

[AllowAnonymous]
public sealed class TwoFactorModel(AccountService accounts, TotpSecrets secrets) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The short-lived principal that says "password checked" for this user.</summary>
    public static ClaimsPrincipal Pending(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(StippleClaims.Studio, StippleClaims.Format(user.StudioId)),
                new Claim(StippleClaims.User, StippleClaims.Format(user.Id)),
            ],
            AuthSchemes.TwoFactor));
    }

    public async Task<IActionResult> OnGetAsync() =>
        await PendingUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await this.LeaveCurrentSessionAsync() is { } restart)
        {
            return restart;
        }

        var pending = await PendingUserAsync();
        if (pending is null)
        {
            return RedirectToPage("SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await accounts.CheckCodeAsync(pending.Value.StudioId, pending.Value.UserId, Code, secrets, cancellationToken);
        if (outcome.User is null)
        {
            ModelState.AddModelError(nameof(Code), outcome.Error ?? "That code is not right.");
            return Page();
        }

        await HttpContext.SignOutAsync(AuthSchemes.TwoFactor);
        await HttpContext.SignInAsync(AuthSchemes.Cookie, AccountService.Principal(outcome.User));
        return LocalRedirect(SignInModel.SafeReturnUrl(Url, ReturnUrl));
    }

    private async Task<(Guid StudioId, Guid UserId)?> PendingUserAsync()
    {
        var result = await HttpContext.AuthenticateAsync(AuthSchemes.TwoFactor);
        return result.Principal?.StudioId() is { } studio && result.Principal.UserId() is { } user ? (studio, user) : null;
    }
}

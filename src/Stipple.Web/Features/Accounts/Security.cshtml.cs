using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Core.Security;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Accounts;

public sealed class SecurityModel(SecurityService security) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }

    public byte[]? Secret { get; private set; }

    public string SecretGrouped => Secret is null ? "" : string.Join(' ', Base32.Encode(Secret).Chunk(4).Select(c => new string(c)));

    public string OtpAuthUri => Secret is null ? "" : Totp.OtpAuthUri(SecurityService.Issuer, User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? "staff", Secret);

    private Guid UserId => User.UserId() ?? throw new InvalidOperationException("No signed-in user.");

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostBeginAsync(CancellationToken cancellationToken)
    {
        await security.BeginSetupAsync(UserId, cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var result = await security.ConfirmAsync(UserId, Code, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors!.CopyTo(ModelState, prefix: null);
            await LoadAsync(cancellationToken);
            return Page();
        }

        await RenewCookieAsync(cancellationToken);
        TempData["Flash"] = "Two-factor sign-in is on.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        await security.DisableAsync(UserId, cancellationToken);
        await RenewCookieAsync(cancellationToken);
        TempData["Flash"] = "Two-factor sign-in is off.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var user = await security.GetAsync(UserId, cancellationToken);
        Enabled = user.TotpEnabled;
        Secret = Enabled ? null : security.PendingSecret(user);
    }

    /// <summary>The security stamp changed, so the current cookie is re-issued to keep this session signed in.</summary>
    private async Task RenewCookieAsync(CancellationToken cancellationToken)
    {
        var user = await security.GetAsync(UserId, cancellationToken);
        await HttpContext.SignInAsync(AuthSchemes.Cookie, AccountService.Principal(user));
    }
}

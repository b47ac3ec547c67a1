using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Data.Seed;
using Stipple.Domain;
using Stipple.Web.Infrastructure;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Accounts;

[AllowAnonymous]
public sealed class SignInModel(AccountService accounts, StippleSettings settings) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<(string Email, string Name, StaffRole Role)>? DemoSignIns => settings.SeedDemo ? DemoStudio.Staff : null;

    public string DemoPassword => DemoStudio.Password;

    public async Task<IActionResult> OnGetAsync() => await this.LeaveCurrentSessionAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await this.LeaveCurrentSessionAsync() is { } restart)
        {
            return restart;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await accounts.CheckPasswordAsync(Input.Email, Input.Password, cancellationToken);
        if (outcome.Error is not null || outcome.User is null)
        {
            ModelState.AddModelError("", outcome.Error ?? AccountService.InvalidCredentials);
            Input.Password = "";
            return Page();
        }

        if (outcome.CodeRequired)
        {
            await HttpContext.SignInAsync(AuthSchemes.TwoFactor, TwoFactorModel.Pending(outcome.User));
            return RedirectToPage("TwoFactor", new { ReturnUrl });
        }

        await HttpContext.SignInAsync(AuthSchemes.Cookie, AccountService.Principal(outcome.User));
        return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
    }

    /// <summary>Only a local address is followed after sign-in (anything else, including control characters, goes home).</summary>
    internal static string SafeReturnUrl(IUrlHelper url, string? returnUrl) => url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [StringLength(254)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(256)]
    public string Password { get; set; } = "";
}

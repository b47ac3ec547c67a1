using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stipple.Data;
using Stipple.Domain;
using Stipple.Web.Features.Staff;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Accounts;

[AllowAnonymous]
public sealed class AcceptInviteModel(StaffService staff, StippleDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public AcceptInviteInput Input { get; set; } = new();

    public StaffInvitation? Invitation { get; private set; }

    public string StudioName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await this.LeaveCurrentSessionAsync() is { } restart)
        {
            return restart;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await this.LeaveCurrentSessionAsync() is { } restart)
        {
            return restart;
        }

        var result = await staff.AcceptAsync(Token, Input.DisplayName, Input.Password, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors!.CopyTo(ModelState, nameof(Input));
            if (ModelState.TryGetValue("Input.Token", out var tokenState))
            {
                foreach (var error in tokenState.Errors)
                {
                    ModelState.AddModelError("", error.ErrorMessage);
                }

                ModelState.Remove("Input.Token");
            }

            Input.Password = "";
            await LoadAsync(cancellationToken);
            return Page();
        }

        await HttpContext.SignInAsync(AuthSchemes.Cookie, AccountService.Principal(result.Value!));
        TempData["Flash"] = "Welcome to the studio. Your account is ready.";
        return Redirect("/");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Invitation = await staff.FindInvitationAsync(Token, cancellationToken);
        if (Invitation is not null)
        {
            StudioName = await db.Studios.Select(s => s.Name).SingleAsync(cancellationToken);
        }
    }
}

public sealed class AcceptInviteInput
{
    [StringLength(80)]
    public string DisplayName { get; set; } = "";

    [StringLength(256)]
    public string Password { get; set; } = "";
}

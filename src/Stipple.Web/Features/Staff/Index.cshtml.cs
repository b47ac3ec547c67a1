using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Stipple.Domain;
using Stipple.Web.Features.Layout;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Staff;

public sealed class IndexModel(StaffService staff, StudioClock studioClock, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public IReadOnlyList<StaffSummary> Staff { get; private set; } = [];

    public IReadOnlyList<InvitationSummary> Invitations { get; private set; } = [];

    public bool IsOwner => User.IsInRole(StaffRoles.Owner);

    public string Format(Instant instant) => studioClock.FormatDateTime(instant);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Owner)).Succeeded)
        {
            return Forbid();
        }

        var baseUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        var result = await staff.InviteAsync(User.UserId()!.Value, Input.Email, Input.Role, baseUrl, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors!.CopyTo(ModelState, nameof(Input));
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Flash"] = $"Invitation sent to {Input.Email.Trim()}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Owner)).Succeeded)
        {
            return Forbid();
        }

        if (!await staff.RevokeInvitationAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Flash"] = "Invitation withdrawn.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await studioClock.LoadAsync(cancellationToken);
        Staff = await staff.ListAsync(cancellationToken);
        Invitations = IsOwner ? await staff.OpenInvitationsAsync(cancellationToken) : [];
    }
}

public sealed class InviteInput
{
    [StringLength(254)]
    public string Email { get; set; } = "";

    [StringLength(20)]
    public string Role { get; set; } = "practitioner";
}

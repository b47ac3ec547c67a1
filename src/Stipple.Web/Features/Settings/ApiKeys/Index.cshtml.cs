using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Web.Features.ApiKeys;
using Stipple.Web.Features.Layout;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Settings.ApiKeys;

[Authorize(Policy = Policies.Owner)]
public sealed class IndexModel(ApiKeyService keys, StudioClock clock) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public string? NewKey { get; private set; }

    public IReadOnlyList<ApiKeySummary> Keys { get; private set; } = [];

    public StudioClock Clock => clock;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var result = await keys.CreateAsync(Name, User.UserId(), cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors!.CopyTo(ModelState, prefix: null);
        }
        else
        {
            // Shown on this response only; never stored or put in TempData.
            NewKey = result.Value!.Key;
            Name = null;
            ModelState.Clear();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await keys.RevokeAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Flash"] = "Key revoked. Programs using it can no longer reach the studio.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        Keys = await keys.ListAsync(cancellationToken);
    }
}

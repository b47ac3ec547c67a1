using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Web.Features.Layout;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Pigments;

/// <summary>The pigment catalogue: everyone on the staff reads it; owners and practitioners add to it.</summary>
public sealed class IndexModel(PigmentService pigments, StudioClock clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Archived { get; set; }

    [BindProperty]
    public PigmentInput Input { get; set; } = new() { Kind = "smp" };

    public IReadOnlyList<PigmentDto> Pigments { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public StudioClock Clock => clock;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Practice)).Succeeded)
        {
            return Forbid();
        }

        Input.Lots = null;
        var result = ModelState.IsValid ? await pigments.CreateAsync(Input, cancellationToken) : null;
        if (result is null || !result.Succeeded)
        {
            result?.Errors!.CopyTo(ModelState, nameof(Input));
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Flash"] = $"{result.Value!.Name} added. Record its lots below.";
        return RedirectToPage("Details", new { id = result.Value.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Practice)).Succeeded;
        Pigments = await pigments.ListAsync(Search, Archived, cancellationToken);
    }
}

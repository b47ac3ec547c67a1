using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Web.Features.Layout;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Pigments;

/// <summary>One pigment: its details, archiving, and its lots (add, correct, delete one recorded by mistake).</summary>
public sealed class DetailsModel(PigmentService pigments, StudioClock clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public PigmentInput Input { get; set; } = new();

    [BindProperty]
    public LotInput Lot { get; set; } = new();

    /// <summary>The lot the lot form corrects; null when it adds one.</summary>
    [BindProperty]
    public Guid? EditLotId { get; set; }

    public PigmentDto Pigment { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    /// <summary>Why a lot could not be deleted, shown above the lots.</summary>
    public string? LotsError { get; private set; }

    public StudioClock Clock => clock;

    public PigmentLotDto? EditedLot => EditLotId is { } id ? Pigment.Lots.FirstOrDefault(l => l.Id == id) : null;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? lot, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = PigmentInput.From(Pigment);
        if (CanEdit && lot is { } lotId && Pigment.Lots.FirstOrDefault(l => l.Id == lotId) is { } edited)
        {
            EditLotId = lotId;
            Lot = LotInput.From(edited);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input.Lots = null;
        var result = ModelState.IsValid ? await pigments.UpdateAsync(id, Input, cancellationToken) : null;
        if (result is { NotFound: true })
        {
            return NotFound();
        }

        if (result is null || !result.Succeeded)
        {
            result?.Errors!.CopyTo(ModelState, nameof(Input));
            EditLotId = null;
            return Page();
        }

        TempData["Flash"] = "Pigment saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken cancellationToken) => await SetArchivedAsync(id, true, cancellationToken);

    public async Task<IActionResult> OnPostUnarchiveAsync(Guid id, CancellationToken cancellationToken) => await SetArchivedAsync(id, false, cancellationToken);

    public async Task<IActionResult> OnPostSaveLotAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = PigmentInput.From(Pigment);
        var result = !ModelState.IsValid ? null
            : EditLotId is { } lotId ? await pigments.UpdateLotAsync(id, lotId, Lot, cancellationToken)
            : await pigments.AddLotAsync(id, Lot, cancellationToken);
        if (result is { NotFound: true })
        {
            return NotFound();
        }

        if (result is null || !result.Succeeded)
        {
            result?.Errors!.CopyTo(ModelState, nameof(Lot));
            return Page();
        }

        TempData["Flash"] = EditLotId is null ? $"Lot {result.Value!.LotNumber} added." : $"Lot {result.Value!.LotNumber} saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteLotAsync(Guid id, Guid lotId, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await pigments.DeleteLotAsync(id, lotId, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Input = PigmentInput.From(Pigment);
            EditLotId = null;
            LotsError = result.Errors!.MessageFor("lot");
            return Page();
        }

        TempData["Flash"] = $"Lot {result.Value!.LotNumber} deleted.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> SetArchivedAsync(Guid id, bool archived, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await pigments.SetArchivedAsync(id, archived, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = archived
            ? $"{result.Value!.Name} archived: it is hidden from the catalogue and from matching."
            : $"{result.Value!.Name} is back in the catalogue.";
        return RedirectToPage(new { id });
    }

    /// <summary>Forbid for roles that cannot change pigments, 404 for a pigment this studio does not have, else null.</summary>
    private async Task<IActionResult?> RefuseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Practice)).Succeeded)
        {
            return Forbid();
        }

        return await LoadAsync(id, cancellationToken) ? null : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Practice)).Succeeded;
        var pigment = await pigments.GetAsync(id, cancellationToken);
        if (pigment is null)
        {
            return false;
        }

        Pigment = pigment;
        return true;
    }
}

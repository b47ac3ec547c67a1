using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Core.Colour;
using Stipple.Web.Features.Colour;
using Stipple.Web.Features.DesignStudio;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.Pigments;
using Stipple.Web.Features.Screening;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Consultations;

/// <summary>
/// The consultation record: date and practitioner, the intake and its screening, whether an SMP session can be
/// booked, photos, consents, the pigment chosen and notes.
/// </summary>
public sealed class DetailsModel(
    ConsultationService consultations,
    IntakeService intakes,
    ScreeningService screening,
    PigmentService pigments,
    ColourService colour,
    DesignVersionService designs,
    StudioClock clock,
    IAuthorizationService authorization) : PageModel
{
    public ConsultationDetails Consultation { get; private set; } = null!;

    public BookingGate? Gate { get; private set; }

    public IReadOnlyList<SelectablePigment> Pigments { get; private set; } = [];

    public IReadOnlyList<Dilution> Dilutions { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>The consultation's saved designs and the client's approval.</summary>
    public DesignVersionListDto? Designs { get; private set; }

    public StudioClock Clock => clock;

    /// <summary>A new client link, shown once after it is made.</summary>
    public string? NewLink { get; private set; }

    [BindProperty]
    public string? Notes { get; set; }

    [BindProperty]
    public Guid? PigmentId { get; set; }

    [BindProperty]
    public string? Dilution { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notes = Consultation.Notes;
        PigmentId = Consultation.PigmentId;
        Dilution = Consultation.PigmentDilution?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostNotesAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await CanWriteAsync())
        {
            return Forbid();
        }

        var result = await consultations.SaveNotesAsync(id, Notes, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            result.Errors!.CopyTo(ModelState, (string?)null);
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        TempData["Flash"] = "Notes saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPigmentAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await CanWriteAsync())
        {
            return Forbid();
        }

        var result = await consultations.ChoosePigmentAsync(id, new PigmentChoiceInput(PigmentId, Dilution), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            result.Errors!.CopyTo(ModelState, key => key switch { "pigmentId" => nameof(PigmentId), "dilution" => nameof(Dilution), _ => key });
            await LoadAsync(id, cancellationToken);
            Notes = Consultation.Notes;
            return Page();
        }

        TempData["Flash"] = PigmentId is null ? "Pigment recommendation cleared." : "Pigment recommendation saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken cancellationToken)
    {
        var token = await intakes.CreateLinkAsync(id, User.UserId(), cancellationToken);
        if (token is null || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        NewLink = $"{Request.Scheme}://{Request.Host}/c/{token}";
        Notes = Consultation.Notes;
        PigmentId = Consultation.PigmentId;
        Dilution = Consultation.PigmentDilution?.ToString();
        return Page();
    }

    private async Task<bool> CanWriteAsync() => (await authorization.AuthorizeAsync(User, Policies.Practice)).Succeeded;

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        var consultation = await consultations.GetAsync(id, cancellationToken);
        if (consultation is null)
        {
            return false;
        }

        Consultation = consultation;
        CanEdit = await CanWriteAsync();
        Gate = await screening.GateAsync(consultation.Client.Id, clock.Today, cancellationToken);
        Pigments = await pigments.SelectableAsync(clock.Today, cancellationToken);
        Dilutions = await colour.StudioRatiosAsync(cancellationToken);
        Designs = await designs.ListAsync(id, cancellationToken);
        return true;
    }
}

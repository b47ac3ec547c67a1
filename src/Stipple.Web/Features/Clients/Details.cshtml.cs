using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Domain;
using Stipple.Web.Features.Consultations;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.Screening;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Clients;

/// <summary>A client: details, whether an SMP session can be booked, consultations, possible duplicates and notes.</summary>
public sealed class DetailsModel(
    ClientService clients,
    ConsultationService consultations,
    ScreeningService screening,
    StudioClock clock,
    IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public ClientInput Input { get; set; } = new();

    [BindProperty]
    public string? NoteBody { get; set; }

    [BindProperty]
    public Guid? DuplicateId { get; set; }

    public ClientDto Client { get; private set; } = null!;

    public IReadOnlyList<ConsultationSummary> Consultations { get; private set; } = [];

    public IReadOnlyList<DuplicatePair> Duplicates { get; private set; } = [];

    public IReadOnlyList<ClientNoteDto> Notes { get; private set; } = [];

    public BookingGate? Gate { get; private set; }

    public bool CanPractise { get; private set; }

    public StudioClock Clock => clock;

    public string Since => clock.FormatDate(Client.CreatedAt.InZone(clock.Zone).Date);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = ClientInput.From(Client);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await clients.UpdateAsync(id, Input, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            result.Errors!.CopyTo(ModelState, nameof(Input));
            return Page();
        }

        TempData["Flash"] = "Client details saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await clients.AddNoteAsync(id, NoteBody, User.UserId(), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            await LoadAsync(id, cancellationToken);
            Input = ClientInput.From(Client);
            result.Errors!.CopyTo(ModelState, key => string.Equals(key, "body", StringComparison.Ordinal) ? nameof(NoteBody) : key);
            return Page();
        }

        TempData["Flash"] = "Note added.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await clients.MergeAsync(id, DuplicateId, User.UserId(), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            TempData["Flash"] = result.Errors!.MessageFor("duplicateId") is { } message ? $"Not merged: the duplicate {message}" : "Not merged.";
            return RedirectToPage(new { id });
        }

        TempData["Flash"] = "The duplicate was merged into this client.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostConsultationAsync(Guid id, CancellationToken cancellationToken)
    {
        // Front desk may open the record when the client arrives; the practitioner is whoever starts it clinically.
        var practitioner = User.IsInRole(StaffRoles.Owner) || User.IsInRole(StaffRoles.Practitioner) ? User.UserId() : null;
        var result = await consultations.StartAsync(id, new ConsultationInput { PractitionerId = practitioner }, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        return RedirectToPage("/Consultations/Details", new { id = result.Value!.Id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        var client = await clients.GetAsync(id, cancellationToken);
        if (client is null)
        {
            return false;
        }

        Client = client;
        Consultations = await consultations.ListForClientAsync(id, cancellationToken);
        Duplicates = await clients.DuplicatesOfAsync(id, cancellationToken);
        Notes = await clients.NotesAsync(id, cancellationToken);
        Gate = await screening.GateAsync(id, clock.Today, cancellationToken);
        CanPractise = (await authorization.AuthorizeAsync(User, Policies.Practice)).Succeeded;
        return true;
    }
}

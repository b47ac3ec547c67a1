using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Domain;
using Stipple.Web.Features.Layout;
using Stipple.Web.Infrastructure;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Consultations;

/// <summary>The intake at the chair: filled from the client's last intake; saving screens it and returns to the consultation.</summary>
[Authorize(Policy = Policies.Practice)]
public sealed class IntakeModel(ConsultationService consultations, IntakeService intakes, ShellInfo shell) : PageModel
{
    [BindProperty]
    public IntakeFormInput Input { get; set; } = new();

    public ConsultationDetails Consultation { get; private set; } = null!;

    public IntakeFieldsView Fields => new(Input, Questions, studioName);

    public IReadOnlyList<StudioQuestion> Questions { get; private set; } = [];

    private string studioName = "The studio";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await intakes.LatestAsync(Consultation.Client.Id, cancellationToken) is { } latest)
        {
            Input = IntakeFormInput.From(latest);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Consultation.Client.DateOfBirth is not { } born)
        {
            ModelState.AddModelError(string.Empty, "Add the client's date of birth on their page first: screening needs it.");
            return Page();
        }

        var errors = new FieldErrors();
        var intake = Input.ToIntake(born, Questions, errors);
        if (errors.Any || !ModelState.IsValid)
        {
            errors.CopyTo(ModelState, IntakeFormInput.FormKey);
            return Page();
        }

        var result = await intakes.SubmitAsync(id, intake, IntakeSource.Staff, User.UserId(), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            result.Errors!.CopyTo(ModelState, Input.FormKeyOfIntakePath);
            return Page();
        }

        TempData["Flash"] = "Intake saved and screened.";
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        studioName = await shell.StudioNameAsync(cancellationToken);
        var consultation = await consultations.GetAsync(id, cancellationToken);
        if (consultation is null)
        {
            return false;
        }

        Consultation = consultation;
        Questions = (await intakes.QuestionsAsync(cancellationToken)).Questions;
        return true;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Domain;
using Stipple.Web.Features.Layout;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Consents;

/// <summary>
/// The owner's consent texts. Saving an edit writes a new version (the old one stays, with the consents signed
/// against it); clients are asked to sign the new text at their next visit.
/// </summary>
[Authorize(Policy = Policies.Owner)]
public sealed class TemplatesModel(ConsentService consents, StudioClock clock) : PageModel
{
    /// <summary>The kind whose form was posted (smp-treatment, …).</summary>
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    public IReadOnlyList<ConsentTemplateDto> Current { get; private set; } = [];

    public IReadOnlyList<ConsentTemplateDto> Earlier { get; private set; } = [];

    public StudioClock Clock => clock;

    /// <summary>The form's values for <paramref name="template"/>: as typed when its save failed, else the saved text.</summary>
    public TemplateInput FormFor(ConsentTemplateDto template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return IsPosted(template)
            ? Input
            : new TemplateInput { Title = template.Title, Body = template.Body, BasedOnVersion = template.Version };
    }

    /// <summary>True for the kind whose form came back with errors.</summary>
    public bool IsPosted(ConsentTemplateDto template) => string.Equals(template?.Kind, Kind, StringComparison.Ordinal);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ConsentKinds.TryParse(Kind, out var kind))
        {
            return BadRequest();
        }

        var result = await consents.SaveTemplateAsync(kind, Input, User.UserId(), cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors!.CopyTo(ModelState, nameof(Input));
            Kind = ConsentKinds.Code(kind);
            await LoadAsync(cancellationToken);
            // The next save starts from the version now current (the error said if that changed).
            Input.BasedOnVersion = Current.Single(t => t.KindValue == kind).Version;
            return Page();
        }

        var saved = result.Value!;
        TempData["Flash"] = saved.Created
            ? $"{saved.Template.Label}: version {saved.Template.Version} saved. Clients are asked to sign the new text at their next visit."
            : $"{saved.Template.Label}: the text is unchanged, so no new version was saved.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        Current = await consents.CurrentTemplatesAsync(cancellationToken);
        Earlier = await consents.EarlierVersionsAsync(cancellationToken);
    }
}

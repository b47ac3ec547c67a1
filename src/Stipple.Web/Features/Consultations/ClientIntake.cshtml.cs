using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stipple.Data;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Consultations;

/// <summary>
/// The intake a client fills through their one-time link before the visit. No sign-in: the link's token is the
/// key, it works once and for seven days, and it only ever shows this client's own form.
/// </summary>
[AllowAnonymous]
public sealed class ClientIntakeModel(IntakeService intakes, StippleDbContext db) : PageModel
{
    [BindProperty]
    public IntakeFormInput Input { get; set; } = new();

    public string StudioName { get; private set; } = "";

    public string ClientName { get; private set; } = "";

    public bool LinkWorks { get; private set; }

    public bool Done { get; private set; }

    public IReadOnlyList<StudioQuestion> Questions { get; private set; } = [];

    public IntakeFieldsView Fields => new(Input, Questions, StudioName);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var link = await LoadAsync(token, cancellationToken);
        if (link is null || !LinkWorks)
        {
            return Page();
        }

        var born = await db.Clients.AsNoTracking().Where(c => c.Id == link.ClientId).Select(c => c.DateOfBirth).SingleAsync(cancellationToken);
        var errors = new FieldErrors();
        var intake = Input.ToIntake(born ?? default, Questions, errors);
        if (errors.Any || !ModelState.IsValid)
        {
            errors.CopyTo(ModelState, IntakeFormInput.FormKey);
            return Page();
        }

        var result = await intakes.SubmitThroughLinkAsync(link, intake, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors?.CopyTo(ModelState, key => string.Equals(key, "token", StringComparison.Ordinal) ? string.Empty : Input.FormKeyOfIntakePath(key));
            return Page();
        }

        Done = true;
        LinkWorks = false;
        return Page();
    }

    private async Task<ClientLink?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        // The link is a secret: keep it out of other sites' Referer headers.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var link = await intakes.FindLinkAsync(token, cancellationToken);
        if (link is null)
        {
            return null;
        }

        StudioName = await db.Studios.AsNoTracking().Select(s => s.Name).SingleAsync(cancellationToken);
        ClientName = await db.Clients.AsNoTracking().Where(c => c.Id == link.ClientId).Select(c => c.GivenName).SingleAsync(cancellationToken);
        LinkWorks = link.UsedAt is null;
        Questions = (await intakes.QuestionsAsync(cancellationToken)).Questions;
        return link;
    }
}

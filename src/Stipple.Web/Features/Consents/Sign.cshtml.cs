using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Domain;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Consents;

/// <summary>
/// Signing at the chair: the client reads the full current text, types their name and draws a signature; the owner or
/// practitioner signed in is recorded as the witness. Front desk cannot witness (Forbid).
/// </summary>
[Authorize(Policy = Policies.Practice)]
public sealed class SignModel(ConsentService consents) : PageModel
{
    [BindProperty]
    public SignatureInput Input { get; set; } = new();

    public SigningContext Signing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string kind, CancellationToken cancellationToken)
    {
        if (!ConsentKinds.TryParse(kind, out var parsed) || await consents.SigningAsync(id, parsed, cancellationToken) is not { } signing)
        {
            return NotFound();
        }

        Signing = signing;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string kind, CancellationToken cancellationToken)
    {
        if (!ConsentKinds.TryParse(kind, out var parsed))
        {
            return NotFound();
        }

        var result = await consents.SignAsync(
            id, parsed, Input, HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString(), User.UserId(), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            result.Errors!.CopyTo(ModelState, nameof(Input));
            Signing = (await consents.SigningAsync(id, parsed, cancellationToken))!;
            // The drawing is not sent back: the client draws it again (the page says so); the typed name stays.
            Input.SignaturePng = null;
            Input.StrokePoints = null;
            Input.TemplateId = Signing.Template.Id;
            return Page();
        }

        var signed = result.Value!;
        TempData["Flash"] = $"{ConsentKinds.Label(parsed)} consent (version {signed.Version}) signed by {signed.TypedName}.";
        return Redirect($"/Consultations/{id}");
    }
}

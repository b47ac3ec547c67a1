using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Consents;

/// <summary>
/// The consultation's consent panel on its own (no layout), for htmx to refresh in place and for reading the status
/// without the rest of the consultation page. Every member of staff may read it; signing needs Practice.
/// </summary>
public sealed class PanelModel(ConsentService consents, IAuthorizationService authorization) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await consents.ConsultationExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var canEdit = (await authorization.AuthorizeAsync(User, Policies.Practice)).Succeeded;
        return new ViewComponentResult { ViewComponentName = "ConsultationConsents", Arguments = new { consultationId = id, canEdit } };
    }
}

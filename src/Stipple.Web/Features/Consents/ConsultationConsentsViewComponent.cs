using Microsoft.AspNetCore.Mvc;
using Stipple.Web.Features.Layout;

namespace Stipple.Web.Features.Consents;

/// <summary>
/// The consultation page's consent panel: for each kind, signed against the current text (with a PDF), signed against
/// an older version (ask again), or not signed.
/// </summary>
[ViewComponent(Name = "ConsultationConsents")]
public sealed class ConsultationConsentsViewComponent(ConsentService consents, StudioClock clock) : ViewComponent
{
    public const string ViewPath = "/Features/Consents/_ConsultationConsents.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(Guid consultationId, bool canEdit)
    {
        var cancellationToken = HttpContext.RequestAborted;
        await clock.LoadAsync(cancellationToken);
        var rows = await consents.StatusForConsultationAsync(consultationId, cancellationToken) ?? [];
        return View(ViewPath, new ConsultationConsentsView(consultationId, canEdit, rows, clock));
    }
}

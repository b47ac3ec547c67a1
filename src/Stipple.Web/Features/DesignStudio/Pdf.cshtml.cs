using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stipple.Web.Features.DesignStudio;

/// <summary>Downloads a design version's summary PDF (the approved version when none is named). Any member of the studio's staff.</summary>
public sealed class PdfModel(DesignSummaryService summaries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, int? version, CancellationToken cancellationToken)
    {
        if (await summaries.PdfAsync(id, version, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        // Client photos and health-adjacent details must not linger in shared caches.
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, DesignSummaryFile.ContentType, file.FileName);
    }
}

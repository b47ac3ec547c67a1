using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stipple.Web.Features.Consents;

/// <summary>Downloads a signed consent as PDF. Any member of staff of the studio; another studio's consent is not found.</summary>
public sealed class PdfModel(ConsentPdfService pdfs) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await pdfs.PdfAsync(id, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        // Signed health consents must not linger in shared or browser caches.
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, ConsentFile.ContentType, file.FileName);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stipple.Data;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Photos;

/// <summary>The consultation page's upload forms post here; the answer is always back to the consultation with a message.</summary>
[Authorize(Policy = Policies.Practice)]
[RequestSizeLimit(PhotoEndpoints.UploadRequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = PhotoEndpoints.UploadRequestLimit)]
public sealed class UploadModel(PhotoService photos, StippleDbContext db) : PageModel
{
    public IActionResult OnGet(Guid id) => Redirect($"/Consultations/{id}#photos");

    public async Task<IActionResult> OnPostUploadAsync(Guid id, string? angle, IFormFile? file, CancellationToken cancellationToken)
    {
        var result = await photos.UploadAsync(id, angle, file, User.UserId(), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = result.Succeeded
            ? "Photo saved."
            : $"Photo not saved: the file {result.Errors!.MessageFor("file") ?? result.Errors.MessageFor("angle")}";
        return Redirect($"/Consultations/{id}#photos");
    }

    public async Task<IActionResult> OnPostClearanceAsync(Guid id, IFormFile? file, string? note, CancellationToken cancellationToken)
    {
        var clientId = await db.Consultations.AsNoTracking().Where(c => c.Id == id).Select(c => (Guid?)c.ClientId).SingleOrDefaultAsync(cancellationToken);
        if (clientId is null)
        {
            return NotFound();
        }

        var result = await photos.UploadClearanceAsync(clientId.Value, file, note, User.UserId(), cancellationToken);
        TempData["Flash"] = result.Succeeded
            ? "Clearance saved. SMP sessions can be booked when nothing else stands in the way."
            : $"Clearance not saved: the {(result.Errors!.MessageFor("note") is { } n ? "note " + n : "file " + result.Errors.MessageFor("file"))}";
        return Redirect($"/Consultations/{id}#photos");
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stipple.Data;
using Stipple.Domain;

namespace Stipple.Web.Features.Photos;

/// <summary>The consultation's standard photo set, with an upload for every angle, and the client's clearance documents.</summary>
public sealed class ConsultationPhotosViewComponent(PhotoService photos, StippleDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid consultationId, bool canEdit)
    {
        var clientId = await db.Consultations.AsNoTracking().Where(c => c.Id == consultationId).Select(c => c.ClientId).SingleAsync(HttpContext.RequestAborted);
        var list = await photos.ForConsultationAsync(consultationId, HttpContext.RequestAborted);
        var clearances = await photos.ClearancesAsync(clientId, HttpContext.RequestAborted);
        return View("~/Features/Photos/_ConsultationPhotos.cshtml", new ConsultationPhotosView(
            consultationId, clientId, canEdit, PhotoAngles.All.Select(a => (a, list.FirstOrDefault(p => p.Angle == a))).ToList(), clearances));
    }
}

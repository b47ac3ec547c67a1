using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stipple.Core.Design;
using Stipple.Core.Rendering;
using Stipple.Data;
using Stipple.Domain;
using Stipple.Web.Documents;
using Stipple.Web.Features.Consents;
using Stipple.Web.Features.Consultations;
using Stipple.Web.Features.Design;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.Photos;

namespace Stipple.Web.Features.DesignStudio;

/// <summary>
/// Gathers the design summary PDF of one version (by default the approved one, else the latest): the client and
/// consultation, every aligned photo with the healed design rendered over it at the photo's own size, the scalp map,
/// the report and the pigment recommendation.
/// </summary>
public sealed class DesignSummaryService(
    StippleDbContext db,
    ConsultationService consultations,
    DesignVersionService versions,
    DesignService designs,
    PhotoService photos,
    StudioClock clock)
{
    /// <summary>Longest side of a photo in the PDF (px): plenty for A4 at 300 dpi across 174 mm, and the overlay stays small.</summary>
    public const int MaxPhotoSide = 2048;

    public async Task<DesignSummaryFile?> PdfAsync(Guid consultationId, int? number, CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        var consultation = await consultations.GetAsync(consultationId, cancellationToken);
        var list = consultation is null ? null : await versions.ListAsync(consultationId, cancellationToken);
        var chosen = number ?? list?.Approval?.Number ?? (list is { Versions.Count: > 0 } ? list.Versions[0].Number : null);
        var version = chosen is { } n ? await versions.GetAsync(consultationId, n, cancellationToken) : null;
        var studio = await db.Studios.AsNoTracking().Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        if (consultation is null || list is null || version?.Design is not { } design || studio is null)
        {
            return null;
        }

        var (result, report) = await designs.StippleAsync(design, cancellationToken);
        var approval = list.Approval;
        var approvalText = approval is null
            ? "Not approved by the client yet."
            : approval.Number == version.Number
                ? $"Approved by {approval.ClientName} on {clock.FormatDateTime(approval.ApprovedAt)}{(approval.RecordedByName is null ? "" : $", witnessed by {approval.RecordedByName}")}."
                : $"Not this version: the client approved version {approval.Number}.";
        var culture = CultureInfo.GetCultureInfo("en-GB");
        var map = PngEncoder.Encode(DotRenderer.Render(result, new RenderOptions { Look = Look.Healed, PxPerMm = 4, View = CompareModel.View }));
        var model = new DesignSummaryModel(
            StudioName: studio,
            ClientName: consultation.Client.FullName,
            ClientDateOfBirth: consultation.Client.DateOfBirth is { } born ? clock.FormatShortDate(born) : "not recorded",
            ConsultationDate: clock.FormatDate(consultation.HeldOn),
            Practitioner: consultation.Practitioner,
            Version: version.Number,
            Saved: $"{clock.FormatDateTime(version.CreatedAt)}{(version.AuthorName is null ? "" : $" by {version.AuthorName}")}",
            Note: version.Note,
            Approval: approvalText,
            Photos: await PhotosAsync(consultationId, result, design.Sessions.Count, cancellationToken),
            MapPreviewPng: map,
            Design: design,
            Report: report,
            HairlineHeightMm: result.MidFrontalPointMm,
            Pigment: consultation.PigmentName is null
                ? "No pigment recommendation recorded yet."
                : $"{consultation.PigmentName}{(consultation.PigmentDilution is { } d ? $", diluted {d} (pigment : water)" : "")}",
            ConsultationId: consultationId,
            CreatedAt: version.CreatedAt);
        var fileName = string.Create(culture, $"design-v{version.Number}-{ConsentPdfService.Slug(consultation.Client.FullName)}-{consultation.HeldOn:yyyy'-'MM'-'dd}.pdf");
        return new DesignSummaryFile(DesignSummaryPdf.Render(model), fileName);
    }

    private async Task<List<DesignSummaryPhoto>> PhotosAsync(Guid consultationId, StippleResult result, int sessions, CancellationToken cancellationToken)
    {
        var aligned = await db.Photos.AsNoTracking()
            .Where(p => p.ConsultationId == consultationId && p.Alignment != null)
            .ToListAsync(cancellationToken);
        var list = new List<DesignSummaryPhoto>();
        foreach (var photo in aligned.OrderBy(p => p.Angle))
        {
            var caption = $"{PhotoAngles.Label(photo.Angle)} photo, healed after all {sessions} session{(sessions == 1 ? "" : "s")}";
            if (photo.MediaType is not ("image/jpeg" or "image/png"))
            {
                list.Add(new DesignSummaryPhoto(caption, [], photo.Orientation, photo.DisplayWidth, photo.DisplayHeight, null, "this photo is WebP, which a PDF cannot hold; see it in Stipple"));
                continue;
            }

            await using var opened = await photos.OpenAsync(photo.Id, cancellationToken);
            if (opened is null)
            {
                continue;
            }

            using var buffer = new MemoryStream();
            await opened.Content.CopyToAsync(buffer, cancellationToken);

            // The overlay is drawn at the photo's size, or smaller for a very large photo (the alignment is relative).
            var scale = Math.Min(1, (double)MaxPhotoSide / Math.Max(photo.DisplayWidth, photo.DisplayHeight));
            var width = Math.Max(1, (int)Math.Round(photo.DisplayWidth * scale));
            var height = Math.Max(1, (int)Math.Round(photo.DisplayHeight * scale));
            var problems = new List<(string Field, string Message)>();
            var alignment = PhotoAlignment.TryCreate(photo.Alignment!.ToArray(), width, height, problems);
            if (alignment is null)
            {
                list.Add(new DesignSummaryPhoto(caption, [], photo.Orientation, photo.DisplayWidth, photo.DisplayHeight, null, "its alignment needs redoing"));
                continue;
            }

            var overlay = PhotoOverlay.Render(
                result,
                new RenderOptions { Look = Look.Healed },
                alignment.ToHomography(width, height),
                width,
                height,
                photo.Angle == PhotoAngle.Front ? AlignmentLandmarks.FrontViewMaxY : null,
                photo.Angle == PhotoAngle.Front ? HeadOutline.From(alignment, width, height) : null);
            list.Add(new DesignSummaryPhoto(caption, buffer.ToArray(), photo.Orientation, photo.DisplayWidth, photo.DisplayHeight, PngEncoder.Encode(overlay), null));
        }

        return list;
    }
}

/// <summary>A rendered design summary and the name to download it as.</summary>
public sealed record DesignSummaryFile(byte[] Content, string FileName)
{
    public const string ContentType = "application/pdf";
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Imaging;
using Stipple.Core.Rendering;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Infrastructure;
using Stipple.Web.Infrastructure.Files;

namespace Stipple.Web.Features.Photos;

/// <summary>
/// Scalp photos and medical clearance documents. An upload is judged by its bytes (never its name or declared type),
/// checked against the size and pixel limits from its headers, stripped of metadata (EXIF GPS, camera data, XMP,
/// comments; the orientation is kept) and stored content-addressed in the file store. Rows live under row-level
/// security, so a photo of another studio is simply not found.
/// </summary>
public sealed class PhotoService(StippleDbContext db, StudioScope scope, IClock clock, IFileStore files, StippleSettings settings)
{
    /// <summary>Largest clearance document accepted.</summary>
    public const long MaxClearanceBytes = 10 * 1024 * 1024;

    private ImageLimits Limits => new(settings.MaxPhotoBytes, 64_000_000, 16_384);

    public async Task<IReadOnlyList<PhotoDto>> ForConsultationAsync(Guid consultationId, CancellationToken cancellationToken) =>
        (await db.Photos.AsNoTracking().Where(p => p.ConsultationId == consultationId).ToListAsync(cancellationToken))
            .OrderBy(p => p.Angle).Select(PhotoDto.From).ToList();

    /// <summary>Stores the photo for the angle of the consultation, replacing an earlier one of that angle.</summary>
    public async Task<Result<PhotoDto>> UploadAsync(Guid consultationId, string? angleCode, IFormFile? file, Guid? staffId, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.AsNoTracking().Where(c => c.Id == consultationId)
            .Select(c => new { c.Id, c.ClientId }).SingleOrDefaultAsync(cancellationToken);
        if (consultation is null)
        {
            return Result<PhotoDto>.Missing();
        }

        if (!PhotoAngles.TryParse(angleCode, out var angle))
        {
            return Result<PhotoDto>.Invalid("angle", "must be one of front, top, left, right, back or crown.");
        }

        var (bytes, error) = await ReadAsync(file, settings.MaxPhotoBytes, cancellationToken);
        if (error is not null)
        {
            return Result<PhotoDto>.Invalid("file", error);
        }

        var check = ImageInspector.Inspect(bytes, Limits);
        if (check.Info is not { } info)
        {
            return Result<PhotoDto>.Invalid("file", check.Error ?? "is not a photo Stipple can accept.");
        }

        var clean = MetadataStripper.Strip(bytes, info);
        var hash = await files.PutAsync(scope.Required, clean, cancellationToken);
        var stored = new StoredFile(hash, info.MediaType, info.Width, info.Height, clean.Length, info.Orientation);
        var now = clock.GetCurrentInstant();
        var photo = await db.Photos.FirstOrDefaultAsync(p => p.ConsultationId == consultationId && p.Angle == angle, cancellationToken);
        if (photo is null)
        {
            photo = ScalpPhoto.Create(scope.Required, consultation.ClientId, consultationId, angle, stored, staffId, now);
            db.Photos.Add(photo);
        }
        else
        {
            photo.Replace(stored, staffId, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result<PhotoDto>.Ok(PhotoDto.From(photo));
    }

    /// <summary>
    /// Stores where the map's landmarks sit on the photo, once Core's <see cref="PhotoAlignment"/> accepts them (fields named
    /// "glabella.x", "vertex" or, for a folded quadrilateral, "alignment").
    /// </summary>
    public async Task<Result<PhotoDto>> AlignAsync(Guid photoId, PhotoAlignmentInput? input, Guid? staffId, CancellationToken cancellationToken)
    {
        var photo = await db.Photos.FirstOrDefaultAsync(p => p.Id == photoId, cancellationToken);
        if (photo is null)
        {
            return Result<PhotoDto>.Missing();
        }

        if (input is null)
        {
            return Result<PhotoDto>.Invalid("body", "is required: the four handles glabella, rightTemporal, leftTemporal and vertex.");
        }

        var errors = new FieldErrors();
        if (input.ToHandles(errors) is not { } handles)
        {
            return Result<PhotoDto>.Invalid(errors);
        }

        var problems = new List<(string Field, string Message)>();
        if (PhotoAlignment.TryCreate(handles.ToArray(), photo.DisplayWidth, photo.DisplayHeight, problems) is null)
        {
            foreach (var (field, message) in problems)
            {
                errors.Add(field, message);
            }

            return Result<PhotoDto>.Invalid(errors);
        }

        photo.Align(handles, staffId, clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        return Result<PhotoDto>.Ok(PhotoDto.From(photo));
    }

    /// <summary>Forgets the photo's alignment; false when the photo is not the studio's.</summary>
    public async Task<bool> ClearAlignmentAsync(Guid photoId, CancellationToken cancellationToken)
    {
        var photo = await db.Photos.FirstOrDefaultAsync(p => p.Id == photoId, cancellationToken);
        if (photo is null)
        {
            return false;
        }

        photo.ClearAlignment();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Opens a photo for the studio's staff; null when it is not the studio's.</summary>
    public async Task<OpenedFile?> OpenAsync(Guid photoId, CancellationToken cancellationToken) =>
        await OpenPhotoAsync(db.Photos.Where(p => p.Id == photoId), cancellationToken);

    /// <summary>Opens a photo for a client through their link: only a photo of that same client.</summary>
    public async Task<OpenedFile?> OpenForClientAsync(Guid clientId, Guid photoId, CancellationToken cancellationToken) =>
        await OpenPhotoAsync(db.Photos.Where(p => p.Id == photoId && p.ClientId == clientId), cancellationToken);

    /// <summary>Every photo of the client by angle, newest visit first, for the compare view.</summary>
    public async Task<IReadOnlyDictionary<PhotoAngle, IReadOnlyList<AnglePhoto>>> ByAngleAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var rows = await (from p in db.Photos.AsNoTracking()
                          where p.ClientId == clientId
                          join c in db.Consultations.AsNoTracking() on p.ConsultationId equals c.Id
                          orderby c.HeldOn descending, c.CreatedAt descending
                          select new { p.Id, p.Angle, p.ConsultationId, c.HeldOn }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Angle).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<AnglePhoto>)g.Select(r => new AnglePhoto(r.Id, r.ConsultationId, r.HeldOn)).ToList());
    }

    public async Task<IReadOnlyList<ClearanceDto>> ClearancesAsync(Guid clientId, CancellationToken cancellationToken) =>
        await db.ClearanceDocuments.AsNoTracking().Where(d => d.ClientId == clientId).OrderByDescending(d => d.CreatedAt)
            .Select(d => new ClearanceDto(d.Id, d.ClientId, d.FileName, d.MediaType, d.ByteSize, d.Note, d.CreatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Stores a doctor's clearance (PDF, JPEG, PNG or WebP, judged by its bytes; images are stripped of metadata).</summary>
    public async Task<Result<ClearanceDto>> UploadClearanceAsync(Guid clientId, IFormFile? file, string? note, Guid? staffId, CancellationToken cancellationToken)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return Result<ClearanceDto>.Missing();
        }

        var (bytes, error) = await ReadAsync(file, MaxClearanceBytes, cancellationToken);
        if (error is not null)
        {
            return Result<ClearanceDto>.Invalid("file", error);
        }

        byte[] stored;
        string mediaType;
        if (bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            stored = bytes;
            mediaType = "application/pdf";
        }
        else if (ImageInspector.Inspect(bytes, Limits) is { Info: { } info })
        {
            stored = MetadataStripper.Strip(bytes, info);
            mediaType = info.MediaType;
        }
        else
        {
            return Result<ClearanceDto>.Invalid("file", "must be a PDF or a JPEG, PNG or WebP photo of the letter.");
        }

        var errors = new FieldErrors();
        errors.Check(() => Guard.Optional(note, "note", 2000));
        if (errors.Any)
        {
            return Result<ClearanceDto>.Invalid(errors);
        }

        var hash = await files.PutAsync(scope.Required, stored, cancellationToken);
        var name = SafeFileName(file!.FileName, mediaType);
        var document = ClearanceDocument.Create(scope.Required, clientId, new StoredFile(hash, mediaType, 0, 0, stored.Length), name, note, staffId, clock.GetCurrentInstant());
        db.ClearanceDocuments.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        return Result<ClearanceDto>.Ok(new ClearanceDto(document.Id, clientId, document.FileName, mediaType, document.ByteSize, document.Note, document.CreatedAt));
    }

    public async Task<OpenedFile?> OpenClearanceAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.ClearanceDocuments.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.ContentHash, d.MediaType, d.FileName }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || await files.OpenAsync(scope.Required, row.ContentHash, cancellationToken) is not { } stream)
        {
            return null;
        }

        return new OpenedFile(stream, row.MediaType, row.ContentHash, row.FileName);
    }

    private async Task<OpenedFile?> OpenPhotoAsync(IQueryable<ScalpPhoto> query, CancellationToken cancellationToken)
    {
        var row = await query.AsNoTracking().Select(p => new { p.ContentHash, p.MediaType, p.Angle }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || await files.OpenAsync(scope.Required, row.ContentHash, cancellationToken) is not { } stream)
        {
            return null;
        }

        return new OpenedFile(stream, row.MediaType, row.ContentHash, PhotoAngles.Code(row.Angle));
    }

    /// <summary>Reads an upload whole, refusing it before reading when it is larger than the limit.</summary>
    private static async Task<(byte[] Bytes, string? Error)> ReadAsync(IFormFile? file, long limit, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return ([], "is required: choose a file.");
        }

        if (file.Length > limit)
        {
            return ([], string.Create(CultureInfo.InvariantCulture, $"is {file.Length / 1048576.0:0.#} MB; the limit is {limit / 1048576.0:0.#} MB."));
        }

        var bytes = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        return (bytes, null);
    }

    private static string SafeFileName(string? name, string mediaType)
    {
        var cleaned = new string(Path.GetFileName(name ?? "").Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ').ToArray()).Trim();
        if (cleaned.Length == 0)
        {
            cleaned = "clearance" + (string.Equals(mediaType, "application/pdf", StringComparison.Ordinal) ? ".pdf" : ".jpg");
        }

        return cleaned.Length > 200 ? cleaned[^200..] : cleaned;
    }
}

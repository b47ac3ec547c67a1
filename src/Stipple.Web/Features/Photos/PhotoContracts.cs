using NodaTime;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Photos;

/// <summary>A stored scalp photo. <see cref="Url"/> serves it to the studio's staff.</summary>
/// <param name="Id">The photo's id.</param>
/// <param name="ClientId">The client photographed.</param>
/// <param name="ConsultationId">The consultation it was taken at.</param>
/// <param name="Angle">Front, Top, Left, Right, Back or Crown.</param>
/// <param name="MediaType">image/jpeg, image/png or image/webp.</param>
/// <param name="Width">Stored width in pixels (before the EXIF orientation is applied).</param>
/// <param name="Height">Stored height in pixels.</param>
/// <param name="DisplayWidth">Width as shown, once the EXIF orientation is applied: what the alignment is relative to.</param>
/// <param name="DisplayHeight">Height as shown.</param>
/// <param name="ByteSize">Length of the stored file (metadata removed), in bytes.</param>
/// <param name="UploadedAt">When this picture was uploaded.</param>
/// <param name="Alignment">Where the map's landmarks sit on the photo as shown; null until aligned (and after a new upload).</param>
public sealed record PhotoDto(
    Guid Id, Guid ClientId, Guid ConsultationId, PhotoAngle Angle, string MediaType, int Width, int Height, int DisplayWidth, int DisplayHeight,
    long ByteSize, Instant UploadedAt, PhotoAlignmentDto? Alignment)
{
    public string Url => $"/api/v1/photos/{Id}";

    public static PhotoDto From(ScalpPhoto photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return new(
            photo.Id, photo.ClientId, photo.ConsultationId, photo.Angle, photo.MediaType, photo.Width, photo.Height, photo.DisplayWidth, photo.DisplayHeight,
            photo.ByteSize, photo.CreatedAt, photo.Alignment is { } handles ? PhotoAlignmentDto.From(handles) : null);
    }
}

/// <summary>
/// Where the four landmarks of the scalp map sit on a photo, in normalised display coordinates: (0, 0) is the top-left
/// and (1, 1) the bottom-right corner of the photo as shown; values from -1 to 2 (a handle may sit off the photo).
/// </summary>
public sealed record PhotoAlignmentDto(AlignmentPoint Glabella, AlignmentPoint RightTemporal, AlignmentPoint LeftTemporal, AlignmentPoint Vertex)
{
    public static PhotoAlignmentDto From(AlignmentHandles handles)
    {
        ArgumentNullException.ThrowIfNull(handles);
        return new(
            new(handles.GlabellaX, handles.GlabellaY),
            new(handles.RightTemporalX, handles.RightTemporalY),
            new(handles.LeftTemporalX, handles.LeftTemporalY),
            new(handles.VertexX, handles.VertexY));
    }
}

/// <summary>One handle on a photo: x across, y down, 0–1 over the photo as shown.</summary>
public sealed record AlignmentPoint(double X, double Y);

/// <summary>The body of <c>PUT /api/v1/photos/{id}/alignment</c>: the four handles, each <c>{"x": …, "y": …}</c>.</summary>
public sealed record PhotoAlignmentInput(AlignmentPointInput? Glabella, AlignmentPointInput? RightTemporal, AlignmentPointInput? LeftTemporal, AlignmentPointInput? Vertex)
{
    /// <summary>The handles, or null with an error for each missing one ("vertex", "glabella.x").</summary>
    public AlignmentHandles? ToHandles(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var glabella = Read(Glabella, "glabella", errors);
        var right = Read(RightTemporal, "rightTemporal", errors);
        var left = Read(LeftTemporal, "leftTemporal", errors);
        var vertex = Read(Vertex, "vertex", errors);
        return glabella is { } g && right is { } r && left is { } l && vertex is { } v ? new(g.X, g.Y, r.X, r.Y, l.X, l.Y, v.X, v.Y) : null;
    }

    private static (double X, double Y)? Read(AlignmentPointInput? point, string field, FieldErrors errors)
    {
        if (point is null)
        {
            errors.Add(field, "is required: drag its handle onto the photo.");
            return null;
        }

        if (point.X is null)
        {
            errors.Add(field + ".x", "is required.");
        }

        if (point.Y is null)
        {
            errors.Add(field + ".y", "is required.");
        }

        return point is { X: { } x, Y: { } y } ? (x, y) : null;
    }
}

/// <summary>One handle as sent; a missing coordinate is reported by name.</summary>
public sealed record AlignmentPointInput(double? X, double? Y);

/// <summary>A medical clearance document on file for a client.</summary>
public sealed record ClearanceDto(Guid Id, Guid ClientId, string FileName, string MediaType, long ByteSize, string? Note, Instant UploadedAt)
{
    public string Url => $"/api/v1/clearances/{Id}";
}

/// <summary>One photo of an angle in the compare view: which visit it came from.</summary>
public sealed record AnglePhoto(Guid PhotoId, Guid ConsultationId, LocalDate HeldOn);

/// <summary>A stored file opened for reading.</summary>
public sealed record OpenedFile(Stream Content, string MediaType, string ContentHash, string FileName) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

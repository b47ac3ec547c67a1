using NodaTime;
using Stipple.Domain;

namespace Stipple.Web.Features.Photos;

/// <summary>A stored scalp photo. <see cref="Url"/> serves it to the studio's staff.</summary>
public sealed record PhotoDto(Guid Id, Guid ClientId, Guid ConsultationId, PhotoAngle Angle, string MediaType, int Width, int Height, long ByteSize, Instant UploadedAt)
{
    public string Url => $"/api/v1/photos/{Id}";

    public static PhotoDto From(ScalpPhoto photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return new(photo.Id, photo.ClientId, photo.ConsultationId, photo.Angle, photo.MediaType, photo.Width, photo.Height, photo.ByteSize, photo.CreatedAt);
    }
}

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

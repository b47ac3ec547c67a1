using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// One photo of a consultation's standard set. The bytes (metadata stripped) live in the photo store under
/// <see cref="ContentHash"/>; a new upload for the same angle replaces the row's file.
/// </summary>
public sealed class ScalpPhoto
{
    private ScalpPhoto()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid ConsultationId { get; private set; }

    public PhotoAngle Angle { get; private set; }

    public string ContentHash { get; private set; } = "";

    public string MediaType { get; private set; } = "";

    public int Width { get; private set; }

    public int Height { get; private set; }

    public long ByteSize { get; private set; }

    public Guid? UploadedBy { get; private set; }

    public Instant CreatedAt { get; private set; }

    public static ScalpPhoto Create(Guid studioId, Guid clientId, Guid consultationId, PhotoAngle angle, StoredFile file, Guid? uploadedBy, Instant now)
    {
        var photo = new ScalpPhoto { StudioId = studioId, Id = Guid.NewGuid(), ClientId = clientId, ConsultationId = consultationId, Angle = angle };
        photo.Replace(file, uploadedBy, now);
        return photo;
    }

    public void Replace(StoredFile file, Guid? uploadedBy, Instant now)
    {
        ArgumentNullException.ThrowIfNull(file);
        ContentHash = file.ContentHash;
        MediaType = file.MediaType;
        Width = file.Width;
        Height = file.Height;
        ByteSize = file.ByteSize;
        UploadedBy = uploadedBy;
        CreatedAt = now;
    }
}

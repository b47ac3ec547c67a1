using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// One photo of a consultation's standard set. The bytes (metadata stripped) live in the photo store under
/// <see cref="ContentHash"/>; a new upload for the same angle replaces the row's file and clears its alignment, which
/// belonged to the old picture.
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

    /// <summary>EXIF orientation kept in the stored file, 1–8 (1 is upright); 5–8 show the photo turned a quarter.</summary>
    public int Orientation { get; private set; } = 1;

    /// <summary>Width in pixels as shown, once <see cref="Orientation"/> is applied.</summary>
    public int DisplayWidth => Orientation >= 5 ? Height : Width;

    /// <summary>Height in pixels as shown, once <see cref="Orientation"/> is applied.</summary>
    public int DisplayHeight => Orientation >= 5 ? Width : Height;

    public long ByteSize { get; private set; }

    public Guid? UploadedBy { get; private set; }

    public Instant CreatedAt { get; private set; }

    /// <summary>Where the map's landmarks sit on this photo as shown; null until someone aligns it.</summary>
    public AlignmentHandles? Alignment { get; private set; }

    public Guid? AlignedBy { get; private set; }

    public Instant? AlignedAt { get; private set; }

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
        Orientation = file.Orientation is >= 1 and <= 8 ? file.Orientation : throw new ArgumentOutOfRangeException(nameof(file), file.Orientation, "EXIF orientation is 1–8.");
        UploadedBy = uploadedBy;
        CreatedAt = now;
        ClearAlignment();
    }

    /// <summary>Records where the landmarks sit on the photo; the caller has checked the handles.</summary>
    public void Align(AlignmentHandles handles, Guid? alignedBy, Instant now)
    {
        ArgumentNullException.ThrowIfNull(handles);
        Alignment = handles;
        AlignedBy = alignedBy;
        AlignedAt = now;
    }

    public void ClearAlignment()
    {
        Alignment = null;
        AlignedBy = null;
        AlignedAt = null;
    }
}

using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// A doctor's written medical clearance (PDF or image) for a client. One uploaded on or after the client's latest
/// intake satisfies that intake's NeedsMedicalClearance findings.
/// </summary>
public sealed class ClearanceDocument
{
    private ClearanceDocument()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid ClientId { get; private set; }

    public string ContentHash { get; private set; } = "";

    public string MediaType { get; private set; } = "";

    public string FileName { get; private set; } = "";

    public long ByteSize { get; private set; }

    public string? Note { get; private set; }

    public Guid? UploadedBy { get; private set; }

    public Instant CreatedAt { get; private set; }

    public static ClearanceDocument Create(Guid studioId, Guid clientId, StoredFile file, string fileName, string? note, Guid? uploadedBy, Instant now)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new ClearanceDocument
        {
            StudioId = studioId,
            Id = Guid.NewGuid(),
            ClientId = clientId,
            ContentHash = file.ContentHash,
            MediaType = file.MediaType,
            FileName = Guard.Required(fileName, "file", 200),
            ByteSize = file.ByteSize,
            Note = Guard.Optional(note, "note", 2000),
            UploadedBy = uploadedBy,
            CreatedAt = now,
        };
    }
}

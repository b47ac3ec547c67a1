namespace Stipple.Domain;

/// <summary>
/// A file kept in the file store: its SHA-256, media type, stored pixel size (0 for documents), length in bytes and,
/// for photos, the EXIF orientation kept in it (1–8; 1 when upright or not a photo).
/// </summary>
public sealed record StoredFile(string ContentHash, string MediaType, int Width, int Height, long ByteSize, int Orientation = 1);

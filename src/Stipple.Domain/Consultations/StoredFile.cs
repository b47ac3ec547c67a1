namespace Stipple.Domain;

/// <summary>A file kept in the file store: its SHA-256, media type, pixel size (0 for documents) and length in bytes.</summary>
public sealed record StoredFile(string ContentHash, string MediaType, int Width, int Height, long ByteSize);

namespace Stipple.Web.Infrastructure.Files;

/// <summary>
/// Content-addressed storage for uploaded files (photos, clearance documents), kept per studio. A file's name is the
/// lower-case hex SHA-256 of its bytes, so the same bytes are stored once and a stored file never changes. The local
/// disk implementation is <see cref="DiskFileStore"/>; object storage (S3 and the like) can implement the same three
/// calls. Access control is not the store's business: callers look the hash up through row-level security first.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the bytes (if not stored already) and returns their SHA-256 as lower-case hex.</summary>
    Task<string> PutAsync(Guid studioId, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>Opens a stored file for reading, or null when there is none with that hash.</summary>
    Task<Stream?> OpenAsync(Guid studioId, string contentHash, CancellationToken cancellationToken);

    /// <summary>Removes a stored file; nothing happens when there is none.</summary>
    Task DeleteAsync(Guid studioId, string contentHash, CancellationToken cancellationToken);
}

using System.Globalization;
using System.Security.Cryptography;

namespace Stipple.Web.Infrastructure.Files;

/// <summary>
/// <see cref="IFileStore"/> on a local or shared disk: <c>{root}/{studio}/{ab}/{cd}/{sha256}</c>. Writes go to a
/// temporary file that is renamed into place, so a reader never sees half a file and several app instances can share
/// the folder.
/// </summary>
public sealed class DiskFileStore(string root) : IFileStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task<string> PutAsync(Guid studioId, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        var path = PathFor(studioId, hash);
        if (File.Exists(path))
        {
            return hash;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + ".tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return hash;
    }

    public Task<Stream?> OpenAsync(Guid studioId, string contentHash, CancellationToken cancellationToken)
    {
        var path = PathFor(studioId, contentHash);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(Guid studioId, string contentHash, CancellationToken cancellationToken)
    {
        File.Delete(PathFor(studioId, contentHash));
        return Task.CompletedTask;
    }

    private string PathFor(Guid studioId, string contentHash)
    {
        // The hash is also a path component: only 64 hex digits may get this far.
        if (contentHash.Length != 64 || !contentHash.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A content hash is 64 lower-case hex digits.", nameof(contentHash));
        }

        return Path.Combine(Root, studioId.ToString("D", CultureInfo.InvariantCulture), contentHash[..2], contentHash[2..4], contentHash);
    }
}

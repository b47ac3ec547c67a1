namespace Stipple.Web.Infrastructure;

/// <summary>Reads a request body whole, for endpoints that parse it themselves (so their errors keep JSON paths).</summary>
public static class RequestBody
{
    /// <summary>The raw body, or null when it is over <paramref name="limit"/> bytes (by its declared length or as read).</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream((int)(request.ContentLength ?? 16 * 1024));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}

using System.Security.Cryptography;

namespace Stipple.Core.Imaging;

/// <summary>
/// Decides whether uploaded bytes are a photo Stipple accepts, from the bytes alone (never the file name), without
/// decoding a pixel: the format from its signature, the size from its headers (JPEG SOFn, PNG IHDR, WebP VP8/VP8L/VP8X),
/// the orientation from its EXIF, and the file's structure walked from start to end.
/// </summary>
/// <remarks>
/// The byte limit is checked before anything is read and the pixel limits as soon as the header declaring the size
/// is, so a file declaring 100,000 × 100,000 pixels is refused by its first hundred bytes; nothing is ever allocated in
/// proportion to a declared size. Work is linear in the file's length (a JPEG's image data is scanned for its end).
/// </remarks>
public static class ImageInspector
{
    /// <summary>Checks <paramref name="bytes"/> against the formats and <paramref name="limits"/>.</summary>
    /// <param name="bytes">The whole uploaded file.</param>
    /// <param name="limits">What the file may be; see <see cref="ImageLimits.Photos"/>.</param>
    /// <returns>
    /// The photo's <see cref="ImageInfo"/>, or a reason worded to follow a field name ("photo …"): "is empty",
    /// "is 52,428,800 bytes; the limit is 25 MB", "is not a JPEG, PNG or WebP image (it looks like a Windows program)",
    /// "is a damaged or incomplete PNG image (it ends inside a chunk)", "declares 100000 × 100000 pixels; the limit is
    /// 64 megapixels", "declares 20000 × 100 pixels; the limit is 16,384 pixels a side".
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative.</exception>
    public static ImageCheck Inspect(ReadOnlySpan<byte> bytes, ImageLimits limits)
    {
        if (!limits.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(limits), limits, "Every limit must be positive.");
        }

        if (bytes.IsEmpty)
        {
            return ImageCheck.Invalid("is empty");
        }

        if (limits.CheckBytes(bytes.Length) is { } sizeError)
        {
            return ImageCheck.Invalid(sizeError);
        }

        if (FileSniffer.Format(bytes) is not { } format)
        {
            var looksLike = FileSniffer.Describe(bytes);
            return ImageCheck.Invalid("is not a JPEG, PNG or WebP image" + (looksLike is null ? string.Empty : " (" + looksLike + ")"));
        }

        var layout = Read(format, bytes, limits);
        return layout.Error is { } error
            ? ImageCheck.Invalid(error)
            : ImageCheck.Valid(new ImageInfo(format, layout.Width, layout.Height, layout.Orientation));
    }

    /// <summary>
    /// The content address of a file: its SHA-256 (FIPS 180-4) as 64 lower-case hexadecimal digits. Hash the bytes that
    /// are stored, that is after <see cref="MetadataStripper.Strip"/>, so the same photo uploaded twice is stored once.
    /// </summary>
    public static string ContentHash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Walks a file of a known format; limits are checked when given.</summary>
    internal static ImageLayout Read(ImageFormat format, ReadOnlySpan<byte> bytes, ImageLimits? limits) => format switch
    {
        ImageFormat.Jpeg => JpegStructure.Read(bytes, limits),
        ImageFormat.Png => PngStructure.Read(bytes, limits),
        _ => WebPStructure.Read(bytes, limits),
    };
}

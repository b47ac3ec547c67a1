using Stipple.Core.Rendering;

namespace Stipple.Core.Imaging;

/// <summary>
/// Tells a file's format from its first bytes (its "magic number"), never from its name: JPEG starts FF D8 FF
/// (T.81 §B.1.1.3: SOI then another marker), PNG with its 8-byte signature (PNG §5.2), WebP with <c>RIFF</c>, a size and
/// <c>WEBP</c> (RFC 9649 §2.5). For refused files it names what the bytes look like, so the reason helps.
/// </summary>
internal static class FileSniffer
{
    private const int TextSample = 512;

    /// <summary>
    /// The format whose signature the file starts with, or null. A file shorter than a signature that matches as far as
    /// it goes counts as that format, so its reader calls it incomplete rather than unknown.
    /// </summary>
    public static ImageFormat? Format(ReadOnlySpan<byte> bytes)
    {
        if (StartsWithOrIsPrefixOf(bytes, [0xFF, 0xD8, 0xFF]))
        {
            return ImageFormat.Jpeg;
        }

        if (StartsWithOrIsPrefixOf(bytes, PngEncoder.Signature))
        {
            return ImageFormat.Png;
        }

        if (StartsWithOrIsPrefixOf(bytes, "RIFF"u8) && (bytes.Length < 12 || bytes[8..12].SequenceEqual("WEBP"u8)))
        {
            return ImageFormat.WebP;
        }

        return null;
    }

    /// <summary>What an unrecognised file looks like, as "it looks like …", or null when it is nothing we know.</summary>
    public static string? Describe(ReadOnlySpan<byte> bytes)
    {
        var kind = bytes switch
        {
            _ when bytes.StartsWith("MZ"u8) => "a Windows program",
            _ when bytes.StartsWith("\u007FELF"u8) => "a Linux program",
            _ when bytes.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) => "a macOS program",
            _ when bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8) => "a GIF image",
            _ when bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8) => "a TIFF or camera raw image",
            _ when bytes.StartsWith("%PDF-"u8) => "a PDF document",
            _ when bytes.StartsWith("PK\u0003\u0004"u8) => "a ZIP archive or an Office document",
            _ when bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8) => DescribeIsoMedia(bytes[8..12]),
            _ when LooksLikeText(bytes) => "a text file",
            _ => null,
        };
        return kind is null ? null : "it looks like " + kind;
    }

    private static bool StartsWithOrIsPrefixOf(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> signature) =>
        bytes.Length >= signature.Length ? bytes.StartsWith(signature) : signature.StartsWith(bytes);

    /// <summary>ISO base media files (ISO/IEC 14496-12) name their brand after <c>ftyp</c>: HEIF/HEIC, AVIF or video.</summary>
    private static string DescribeIsoMedia(ReadOnlySpan<byte> brand)
    {
        if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
        {
            return "an AVIF image";
        }

        ReadOnlySpan<byte> heif = "heicheixhevchevxheimheismif1msf1"u8;
        for (var i = 0; i < heif.Length; i += 4)
        {
            if (brand.SequenceEqual(heif.Slice(i, 4)))
            {
                return "an iPhone HEIC photo; save or export it as JPEG";
            }
        }

        return "a video";
    }

    /// <summary>True when the first bytes hold no control characters other than tab, line feed, form feed and return.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes[..Math.Min(bytes.Length, TextSample)])
        {
            if (b is (< 0x20 and not (0x09 or 0x0A or 0x0C or 0x0D)) or 0x7F)
            {
                return false;
            }
        }

        return !bytes.IsEmpty;
    }
}

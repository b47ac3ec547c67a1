using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Text;
using Stipple.Core.Rendering;

namespace Stipple.Core.Imaging;

/// <summary>
/// Reads and rewrites the chunk structure of a PNG file (W3C PNG 3rd edition, ISO/IEC 15948) without inflating it.
/// </summary>
/// <remarks>
/// A file is the 8-byte signature and chunks: big-endian length (at most 2³¹ − 1), four-letter type, data, CRC-32 of
/// type and data (§5.3). IHDR comes first, 13 bytes: width, height, bit depth, colour type, compression, filter and
/// interlace methods (§11.2.1). A chunk type whose first letter is upper case is critical: a decoder that does not know
/// it must refuse the image (§5.4), so such files are refused here too. The walk goes to IEND; data after it is dropped.
/// </remarks>
internal static class PngStructure
{
    private const uint Ihdr = 0x49484452;
    private const uint Plte = 0x504C5445;
    private const uint Idat = 0x49444154;
    private const uint Iend = 0x49454E44;
    private const uint Exif = 0x65584966; // "eXIf"
    private const int IhdrLength = 13;

    /// <summary>
    /// Ancillary chunks kept by <see cref="Strip"/>: transparency and colour (tRNS, cHRM, gAMA, iCCP, sBIT, sRGB, cICP,
    /// mDCV, cLLI), background and physical pixel size (bKGD, pHYs), and APNG animation (acTL, fcTL, fdAT). Everything
    /// else ancillary goes: text (tEXt, zTXt, iTXt, where XMP and often EXIF live), tIME, eXIf, histograms, private chunks.
    /// </summary>
    private static readonly FrozenSet<uint> KeptAncillary = LayoutPart.Codes(
        "tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCV", "cLLI", "bKGD", "pHYs", "acTL", "fcTL", "fdAT");

    /// <summary>
    /// Walks the file. <paramref name="limits"/>, when given, are checked as soon as IHDR is read, before the rest of the
    /// file is looked at.
    /// </summary>
    public static ImageLayout Read(ReadOnlySpan<byte> data, ImageLimits? limits)
    {
        var pos = PngEncoder.Signature.Length;
        if (data.Length < pos + 12 + IhdrLength)
        {
            return Damaged("it ends inside its header");
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(data[pos..]) != IhdrLength || BinaryPrimitives.ReadUInt32BigEndian(data[(pos + 4)..]) != Ihdr)
        {
            return Damaged("it does not start with an IHDR header");
        }

        var header = data.Slice(pos + 8, IhdrLength);
        if (BinaryPrimitives.ReadUInt32BigEndian(data[(pos + 8 + IhdrLength)..]) != Crc32.Compute(data.Slice(pos + 4, 4 + IhdrLength)))
        {
            return Damaged("its header fails its checksum");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(header);
        var height = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
        {
            return Damaged("its width or height is zero or out of range");
        }

        if (limits?.CheckSize((int)width, (int)height) is { } limitError)
        {
            return ImageLayout.Refused(limitError);
        }

        if (!IsValidHeader(header))
        {
            return Damaged("its header declares an impossible pixel format");
        }

        var colourType = header[9];
        var parts = new List<LayoutPart>();
        int orientation = 0;
        bool palette = false, imageData = false;
        while (true)
        {
            if (data.Length - pos < 12)
            {
                return Damaged("it ends before its end chunk");
            }

            if (parts.Count == ImageLayout.MaxParts)
            {
                return Damaged(ImageLayout.TooManyParts("chunks"));
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data[pos..]);
            var typeBytes = data.Slice(pos + 4, 4);
            if (length > int.MaxValue || !IsChunkType(typeBytes))
            {
                return Damaged("a chunk header is malformed");
            }

            if (length > (uint)(data.Length - pos - 12))
            {
                return Damaged("it ends inside a chunk");
            }

            var type = BinaryPrimitives.ReadUInt32BigEndian(typeBytes);
            var isCritical = (typeBytes[0] & 0x20) == 0;
            if (isCritical && type is not (Ihdr or Plte or Idat or Iend))
            {
                return ImageLayout.Refused("is a PNG image that needs a feature browsers do not support (a " + Encoding.ASCII.GetString(typeBytes) + " chunk)");
            }

            if (type == Ihdr && parts.Count > 0)
            {
                return Damaged("it has a second IHDR header");
            }

            palette |= type == Plte;
            imageData |= type == Idat;
            if (type == Exif && orientation == 0)
            {
                orientation = ExifOrientation.Read(data.Slice(pos + 8, (int)length));
            }

            parts.Add(new(type, pos, 12 + (int)length));
            pos += 12 + (int)length;
            if (type == Iend)
            {
                break;
            }
        }

        if (!imageData)
        {
            return Damaged("it has no image data");
        }

        if (colourType == 3 && !palette)
        {
            return Damaged("its palette is missing");
        }

        return ImageLayout.Read((int)width, (int)height, orientation == 0 ? ExifOrientation.Upright : orientation, parts);
    }

    /// <summary>
    /// Writes the signature and the critical and colour chunks unchanged (same bytes, same CRCs), an eXIf chunk with the
    /// minimal EXIF before the first IDAT when <paramref name="orientation"/> is not 1 (PNG §11.3.6.1 wants eXIf before
    /// IDAT), and nothing after IEND.
    /// </summary>
    public static void Strip(ReadOnlySpan<byte> data, ImageLayout layout, int orientation, Stream output)
    {
        output.Write(PngEncoder.Signature);
        var exifPending = orientation != ExifOrientation.Upright;
        foreach (var part in layout.Parts)
        {
            if (part.Kind == Idat && exifPending)
            {
                PngEncoder.WriteChunk(output, "eXIf"u8, ExifOrientation.Minimal(orientation));
                exifPending = false;
            }

            if (part.Kind is Ihdr or Plte or Idat or Iend || KeptAncillary.Contains(part.Kind))
            {
                output.Write(data.Slice(part.Offset, part.Length));
            }
        }
    }

    /// <summary>Bit depth and colour type are an allowed pair (§11.2.1 Table 11.1) and the three methods are defined.</summary>
    private static bool IsValidHeader(ReadOnlySpan<byte> header)
    {
        var depthAllowed = (header[9], header[8]) switch
        {
            (0, 1 or 2 or 4 or 8 or 16) => true, // greyscale
            (2 or 4 or 6, 8 or 16) => true, // truecolour, greyscale with alpha, truecolour with alpha
            (3, 1 or 2 or 4 or 8) => true, // indexed colour
            _ => false,
        };
        return depthAllowed && header[10] == 0 && header[11] == 0 && header[12] is 0 or 1;
    }

    /// <summary>Chunk types are four ASCII letters (§5.3).</summary>
    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (b is not ((>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z')))
            {
                return false;
            }
        }

        return true;
    }

    private static ImageLayout Damaged(string detail) =>
        ImageLayout.Refused("is a damaged or incomplete PNG image (" + detail + ")");
}

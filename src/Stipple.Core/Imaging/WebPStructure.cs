using System.Buffers.Binary;
using System.Collections.Frozen;

namespace Stipple.Core.Imaging;

/// <summary>
/// Reads and rewrites the RIFF container of a WebP file (RFC 9649) without decoding it.
/// </summary>
/// <remarks>
/// <para>
/// A file is <c>RIFF</c>, a little-endian size (the bytes after it), <c>WEBP</c>, then chunks: four-character type,
/// little-endian payload size, payload, and a zero byte when the size is odd (§2.4). The first chunk decides the
/// layout (§2.5–2.7): <c>VP8 </c> (simple lossy), <c>VP8L</c> (simple lossless) or <c>VP8X</c> (extended: flags and a
/// canvas size, then ICCP, ANIM/ANMF or ALPH + VP8/VP8L, then EXIF and XMP).
/// </para>
/// <para>
/// Sizes: a VP8 key frame starts with a 3-byte frame tag, the start code 9D 01 2A and two 16-bit fields whose low 14
/// bits are width and height (RFC 6386 §9.1); VP8L starts with the signature 0x2F and 14-bit width − 1 and height − 1
/// (RFC 9649 §3.2.1); VP8X holds 24-bit canvas width − 1 and height − 1 (§2.7). As libwebp does, a still extended
/// image whose bitstream size differs from its canvas is refused.
/// </para>
/// </remarks>
internal static class WebPStructure
{
    private const uint Vp8 = 0x56503820; // "VP8 "
    private const uint Vp8L = 0x5650384C; // "VP8L"
    private const uint Vp8X = 0x56503858; // "VP8X"
    private const uint Anim = 0x414E494D; // "ANIM"
    private const uint ExifChunk = 0x45584946; // "EXIF"
    private const int HeaderLength = 12; // "RIFF", size, "WEBP"
    private const int ChunkHeaderLength = 8;
    private const int Vp8XLength = 10;

    // VP8X flag bits (RFC 9649 §2.7): reserved (2), ICC, alpha, EXIF, XMP, animation, reserved (1).
    private const byte AlphaFlag = 0x10;
    private const byte ExifFlag = 0x08;
    private const byte XmpFlag = 0x04;
    private const byte AnimationFlag = 0x02;

    /// <summary>
    /// Chunks kept after the VP8X header by <see cref="Strip"/>: the image data and what shows it right (colour profile,
    /// alpha, animation).
    /// </summary>
    private static readonly FrozenSet<uint> Kept = LayoutPart.Codes("ICCP", "ANIM", "ANMF", "ALPH", "VP8 ", "VP8L");

    /// <summary>
    /// Walks the file. <paramref name="limits"/>, when given, are checked as soon as the first chunk gives the size,
    /// before the rest of the file is looked at.
    /// </summary>
    public static ImageLayout Read(ReadOnlySpan<byte> data, ImageLimits? limits)
    {
        if (data.Length < HeaderLength + ChunkHeaderLength)
        {
            return Damaged("it ends inside its header");
        }

        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffSize < HeaderLength - 8 + ChunkHeaderLength)
        {
            return Damaged("its container is too short");
        }

        if (riffSize > (uint)(data.Length - 8))
        {
            return Damaged("it is shorter than its container says");
        }

        var end = 8 + (int)riffSize;
        var firstSize = BinaryPrimitives.ReadUInt32LittleEndian(data[(HeaderLength + 4)..]);
        if (firstSize > (uint)(end - HeaderLength - ChunkHeaderLength))
        {
            return Damaged("it ends inside a chunk");
        }

        var first = new LayoutPart(BinaryPrimitives.ReadUInt32BigEndian(data[HeaderLength..]), HeaderLength, ChunkHeaderLength + (int)firstSize);
        var extended = first.Kind == Vp8X;
        var damage = extended ? ReadCanvasSize(data, first, out var width, out var height) : ReadBitstreamSize(data, first, out width, out height);
        if (damage is not null)
        {
            return Damaged(damage);
        }

        if (limits?.CheckSize(width, height) is { } limitError)
        {
            return ImageLayout.Refused(limitError);
        }

        var parts = new List<LayoutPart>();
        var pos = HeaderLength;
        while (pos < end)
        {
            if (end - pos < ChunkHeaderLength)
            {
                return Damaged("it ends inside a chunk header");
            }

            if (parts.Count == ImageLayout.MaxParts)
            {
                return Damaged(ImageLayout.TooManyParts("chunks"));
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(data[(pos + 4)..]);
            if (size > (uint)(end - pos - ChunkHeaderLength))
            {
                return Damaged("it ends inside a chunk");
            }

            parts.Add(new(BinaryPrimitives.ReadUInt32BigEndian(data[pos..]), pos, ChunkHeaderLength + (int)size));
            pos = Math.Min(end, pos + ChunkHeaderLength + (int)size + ((int)size & 1)); // a missing last pad byte is tolerated
        }

        if (extended && CheckExtendedContent(data, parts, width, height) is { } contentDamage)
        {
            return Damaged(contentDamage);
        }

        var orientation = ExifOrientation.Upright;
        foreach (var part in parts)
        {
            if (part.Kind == ExifChunk)
            {
                orientation = ExifOrientation.Read(Payload(data, part));
                break;
            }
        }

        return ImageLayout.Read(width, height, orientation, parts);
    }

    /// <summary>
    /// Writes the container again with only the <see cref="Kept"/> chunks, the VP8X EXIF and XMP flags cleared, and,
    /// when <paramref name="orientation"/> is not 1, an EXIF chunk with the minimal EXIF at the end (where §2.7 puts it)
    /// and the EXIF flag set, adding a VP8X header to a simple file for it. The RIFF size is recomputed, so
    /// <paramref name="output"/> must be seekable.
    /// </summary>
    public static void Strip(ReadOnlySpan<byte> data, ImageLayout layout, int orientation, Stream output)
    {
        var withExif = orientation != ExifOrientation.Upright;
        var start = output.Position;
        output.Write("RIFF\0\0\0\0WEBP"u8);
        var first = layout.Parts[0];
        Span<byte> extended = stackalloc byte[Vp8XLength];
        if (first.Kind == Vp8X)
        {
            // The header is 10 bytes (§2.7); anything a writer put after them is dropped like other unknown data.
            Payload(data, first)[..Vp8XLength].CopyTo(extended);
            extended[0] = (byte)((extended[0] & ~(ExifFlag | XmpFlag)) | (withExif ? ExifFlag : 0));
            WriteChunk(output, "VP8X"u8, extended);
        }
        else if (withExif)
        {
            var alpha = first.Kind == Vp8L && (BinaryPrimitives.ReadUInt32LittleEndian(Payload(data, first)[1..]) & (1u << 28)) != 0;
            extended.Clear();
            extended[0] = (byte)(ExifFlag | (alpha ? AlphaFlag : 0));
            WriteUInt24(extended[4..], layout.Width - 1);
            WriteUInt24(extended[7..], layout.Height - 1);
            WriteChunk(output, "VP8X"u8, extended);
        }

        foreach (var part in layout.Parts)
        {
            if (Kept.Contains(part.Kind))
            {
                WriteChunk(output, data.Slice(part.Offset, 4), Payload(data, part));
            }
        }

        if (withExif)
        {
            WriteChunk(output, "EXIF"u8, ExifOrientation.Minimal(orientation));
        }

        var length = output.Position - start;
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)(length - 8));
        output.Position = start + 4;
        output.Write(size);
        output.Position = start + length;
    }

    /// <summary>Canvas size from a VP8X header (§2.7): 24-bit width − 1 and height − 1 after flags and 3 reserved bytes.</summary>
    private static string? ReadCanvasSize(ReadOnlySpan<byte> data, LayoutPart part, out int width, out int height)
    {
        width = height = 0;
        var header = Payload(data, part);
        if (header.Length < Vp8XLength)
        {
            return "its extended header is too short";
        }

        width = ReadUInt24(header[4..]) + 1;
        height = ReadUInt24(header[7..]) + 1;
        return null;
    }

    /// <summary>An animation has its ANIM header; a still image has a bitstream whose size is the canvas size.</summary>
    private static string? CheckExtendedContent(ReadOnlySpan<byte> data, List<LayoutPart> parts, int width, int height)
    {
        if ((Payload(data, parts[0])[0] & AnimationFlag) != 0)
        {
            return parts.Exists(p => p.Kind == Anim) ? null : "it is animated but has no animation header";
        }

        var image = parts.FindIndex(p => p.Kind is Vp8 or Vp8L);
        if (image < 0)
        {
            return "it has no image data";
        }

        return ReadBitstreamSize(data, parts[image], out var imageWidth, out var imageHeight)
            ?? (imageWidth == width && imageHeight == height ? null : "its image size does not match its canvas");
    }

    /// <summary>Size from a VP8 key frame header (RFC 6386 §9.1) or a VP8L header (RFC 9649 §3.2.1).</summary>
    private static string? ReadBitstreamSize(ReadOnlySpan<byte> data, LayoutPart part, out int width, out int height)
    {
        width = height = 0;
        var bits = Payload(data, part);
        if (part.Kind == Vp8)
        {
            if (bits.Length < 10)
            {
                return "its image header is too short";
            }

            var tag = bits[0] | (bits[1] << 8) | (bits[2] << 16);
            var keyFrame = (tag & 1) == 0;
            var version = (tag >> 1) & 7;
            var shown = ((tag >> 4) & 1) == 1;
            if (!keyFrame || version > 3 || !shown || !bits[3..6].SequenceEqual((ReadOnlySpan<byte>)[0x9D, 0x01, 0x2A]))
            {
                return "its lossy image header is malformed";
            }

            width = BinaryPrimitives.ReadUInt16LittleEndian(bits[6..]) & 0x3FFF;
            height = BinaryPrimitives.ReadUInt16LittleEndian(bits[8..]) & 0x3FFF;
            return width == 0 || height == 0 ? "its width or height is zero" : null;
        }

        if (part.Kind == Vp8L)
        {
            if (bits.Length < 5 || bits[0] != 0x2F)
            {
                return "its lossless image header is malformed";
            }

            var header = BinaryPrimitives.ReadUInt32LittleEndian(bits[1..]);
            if (header >> 29 != 0)
            {
                return "its lossless image header has an unknown version";
            }

            width = (int)(header & 0x3FFF) + 1;
            height = (int)((header >> 14) & 0x3FFF) + 1;
            return null;
        }

        return "it does not start with an image chunk";
    }

    private static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> data, LayoutPart part) =>
        data.Slice(part.Offset + ChunkHeaderLength, part.Length - ChunkHeaderLength);

    /// <summary>Writes a chunk: type, little-endian size, payload and, for an odd size, a zero pad byte (§2.4).</summary>
    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> payload)
    {
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)payload.Length);
        output.Write(type);
        output.Write(size);
        output.Write(payload);
        if ((payload.Length & 1) != 0)
        {
            output.WriteByte(0);
        }
    }

    private static int ReadUInt24(ReadOnlySpan<byte> data) => data[0] | (data[1] << 8) | (data[2] << 16);

    private static void WriteUInt24(Span<byte> data, int value)
    {
        data[0] = (byte)value;
        data[1] = (byte)(value >> 8);
        data[2] = (byte)(value >> 16);
    }

    private static ImageLayout Damaged(string detail) =>
        ImageLayout.Refused("is a damaged or incomplete WebP image (" + detail + ")");
}

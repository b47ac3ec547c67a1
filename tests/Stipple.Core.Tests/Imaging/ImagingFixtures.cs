using System.Buffers.Binary;
using System.Text;
using Stipple.Core.Imaging;
using Stipple.Core.Rendering;

namespace Stipple.Core.Tests.Imaging;

/// <summary>
/// The photos in Fixtures/ (made by ImageMagick, ExifTool and cwebp; see Fixtures/README.md) and small builders for
/// files no tool writes on purpose: broken headers, absurd sizes, malformed EXIF.
/// </summary>
internal static class ImagingFixtures
{
    /// <summary>Every fixture: 64 × 48 pixels as stored.</summary>
    public const int Width = 64;

    public const int Height = 48;

    /// <summary>
    /// Text that the fixtures' metadata holds and a stripped file must not: camera make, model, body and lens serial
    /// numbers, artist, XMP description and its namespace, IPTC keyword and city, the comment, the capture date.
    /// </summary>
    public static readonly string[] PrivateText =
    [
        "StippleCam", "SC-9 Pro", "SN4815162342", "LS2718281828", "Jane Client", "private client note",
        "http://ns.adobe.com/xap", "scalp-private", "Londinium", "2025:03:14",
    ];

    /// <summary>The minimal EXIF for orientation 6, spelt out: MM, 42, IFD0 at 8, one entry (0x0112, SHORT, 1, 6), no next IFD.</summary>
    public static readonly byte[] MinimalExifRotate90 =
    [
        0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
        0x00, 0x01,
        0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00,
    ];

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Imaging", "Fixtures", name));

    public static ImageInfo Inspect(byte[] bytes)
    {
        var check = ImageInspector.Inspect(bytes, ImageLimits.Photos);
        check.Error.ShouldBeNull();
        return check.Info!;
    }

    public static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    /// <summary>A PNG chunk: length, type, data, CRC-32 of type and data.</summary>
    public static byte[] PngChunk(string type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.Compute(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>The PNG signature and an IHDR for an 8-bit RGB image of the given size, nothing else.</summary>
    public static byte[] PngHeader(uint width, uint height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        return [.. PngEncoder.Signature, .. PngChunk("IHDR", ihdr)];
    }

    /// <summary>A JPEG segment: FF, marker, big-endian length (payload + 2), payload.</summary>
    public static byte[] JpegSegment(byte marker, ReadOnlySpan<byte> payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment.AsSpan(4));
        return segment;
    }

    /// <summary><paramref name="jpeg"/> with <paramref name="segments"/> inserted right after SOI.</summary>
    public static byte[] InsertAfterSoi(byte[] jpeg, params byte[][] segments) => [.. jpeg[..2], .. segments.SelectMany(s => s), .. jpeg[2..]];

    /// <summary>A RIFF chunk: type, little-endian size, payload, a pad byte for odd sizes.</summary>
    public static byte[] RiffChunk(string type, ReadOnlySpan<byte> payload)
    {
        var chunk = new byte[8 + payload.Length + (payload.Length & 1)];
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 0);
        BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(4), payload.Length);
        payload.CopyTo(chunk.AsSpan(8));
        return chunk;
    }

    /// <summary>A WebP file from chunks, with the right RIFF size.</summary>
    public static byte[] WebP(params byte[][] chunks)
    {
        byte[] file = [.. "RIFF\0\0\0\0WEBP"u8, .. chunks.SelectMany(c => c)];
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(4), file.Length - 8);
        return file;
    }
}

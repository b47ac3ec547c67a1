using System.Buffers.Binary;
using Stipple.Core.Imaging;
using static Stipple.Core.Tests.Imaging.ImagingFixtures;

namespace Stipple.Core.Tests.Imaging;

/// <summary>Broken EXIF never refuses a photo and never throws: the orientation reads as 1 (upright).</summary>
public sealed class MalformedExifTests
{
    private const ushort Short = 3;
    private const ushort Long = 4;
    private const ushort Ascii = 2;

    public static TheoryData<string, byte[], int> Cases => new()
    {
        { "no TIFF data", [], 1 },
        { "a header cut short", [.. "MM\0*"u8], 1 },
        { "an unknown byte order", [.. "XX\0*"u8, 0, 0, 0, 8, .. Entries(true, (0x0112, Short, 1, 6))], 1 },
        { "a wrong magic number", [.. "MM\0+"u8, 0, 0, 0, 8, .. Entries(true, (0x0112, Short, 1, 6))], 1 },
        { "an IFD offset far past the end", [.. "MM\0*"u8, 0xFF, 0xFF, 0xFF, 0xFF, .. Entries(true, (0x0112, Short, 1, 6))], 1 },
        { "an IFD offset inside the header", [.. "MM\0*"u8, 0, 0, 0, 2, .. Entries(true, (0x0112, Short, 1, 6))], 1 },
        { "an IFD offset at the last byte", [.. "MM\0*"u8, 0, 0, 0, 8, 0], 1 },
        { "a count of 65535 entries with two present", Tiff(true, count: 0xFFFF, (0x010F, Ascii, 4, 0), (0x0112, Short, 1, 6)), 6 },
        { "an entry cut in half", [.. Tiff(true, count: 1, (0x0112, Short, 1, 6))[..16]], 1 },
        { "orientation 9", Tiff(true, null, (0x0112, Short, 1, 9)), 1 },
        { "orientation 0", Tiff(true, null, (0x0112, Short, 1, 0)), 1 },
        { "orientation as text", Tiff(true, null, (0x0112, Ascii, 1, 6)), 1 },
        { "orientation with two values", Tiff(true, null, (0x0112, Short, 2, 6)), 1 },
        { "an IFD whose next IFD is itself", Tiff(true, null, (0x010F, Ascii, 4, 0)), 1 },
        { "every byte 0xFF", Enumerable.Repeat((byte)0xFF, 64).ToArray(), 1 },
        { "little-endian orientation 8", Tiff(false, null, (0x0112, Short, 1, 8)), 8 },
        { "orientation 3 as a LONG", Tiff(true, null, (0x0112, Long, 1, 3)), 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_JPEG_with_malformed_EXIF_is_accepted_and_stripped_without_throwing(string what, byte[] tiff, int orientation)
    {
        var jpeg = InsertAfterSoi(CleanJpeg(), JpegSegment(0xE1, [.. "Exif\0\0"u8, .. tiff]));

        var info = Inspect(jpeg);
        var stripped = MetadataStripper.Strip(jpeg, info);

        info.Orientation.ShouldBe(orientation, what);
        Inspect(stripped).Orientation.ShouldBe(orientation, what);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_WebP_with_malformed_EXIF_is_accepted_and_stripped_without_throwing(string what, byte[] tiff, int orientation)
    {
        var chunks = RiffTestReader.Chunks(Bytes("phone.webp"));
        var webp = WebP(RiffChunk("VP8X", chunks[0].Data), RiffChunk("VP8 ", chunks[1].Data), RiffChunk("EXIF", tiff));

        var info = Inspect(webp);

        info.Orientation.ShouldBe(orientation, what);
        Inspect(MetadataStripper.Strip(webp, info)).Orientation.ShouldBe(orientation, what);
    }

    [Fact]
    public void A_PNG_eXIf_chunk_that_keeps_the_JPEG_Exif_prefix_is_read_too()
    {
        var original = Bytes("phone.png");
        byte[] png = [.. original[..33], .. PngChunk("eXIf", [.. "Exif\0\0"u8, .. Tiff(false, null, (0x0112, Short, 1, 5))]), .. PngChunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. PngChunk("IEND", [])];

        Inspect(png).Orientation.ShouldBe(5);
    }

    /// <summary>phone.jpg without any APP1, made by the code under test and checked here.</summary>
    private static byte[] CleanJpeg()
    {
        var clean = MetadataStripper.Strip(Bytes("phone.jpg"), new ImageInfo(ImageFormat.Jpeg, Width, Height, 1));
        JpegTestReader.SegmentsToFirstScan(clean).ShouldNotContain(s => s.Marker == 0xE1);
        return clean;
    }

    /// <summary>A TIFF header with IFD0 at offset 8 holding <paramref name="entries"/>, whose next-IFD offset points back at IFD0.</summary>
    private static byte[] Tiff(bool bigEndian, int? count, params (ushort Tag, ushort Type, uint Count, uint Value)[] entries)
    {
        byte[] header = bigEndian ? [.. "MM\0*"u8, 0, 0, 0, 8] : [.. "II*\0"u8, 8, 0, 0, 0];
        var body = Entries(bigEndian, entries);
        if (count is { } n)
        {
            body[0] = (byte)(bigEndian ? n >> 8 : n);
            body[1] = (byte)(bigEndian ? n : n >> 8);
        }

        return [.. header, .. body];
    }

    /// <summary>An IFD: count, 12-byte entries (SHORT values left-justified), next-IFD offset 8 (itself, a loop).</summary>
    private static byte[] Entries(bool bigEndian, params (ushort Tag, ushort Type, uint Count, uint Value)[] entries)
    {
        var ifd = new byte[2 + (12 * entries.Length) + 4];
        Write16(ifd, 0, (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var (tag, type, count, value) = entries[i];
            var at = 2 + (12 * i);
            Write16(ifd, at, tag);
            Write16(ifd, at + 2, type);
            Write32(ifd, at + 4, count);
            if (type == Long)
            {
                Write32(ifd, at + 8, value);
            }
            else
            {
                Write16(ifd, at + 8, (ushort)value);
            }
        }

        Write32(ifd, ifd.Length - 4, 8);
        return ifd;

        void Write16(byte[] data, int at, ushort value)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(at), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at), value);
            }
        }

        void Write32(byte[] data, int at, uint value)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(at), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at), value);
            }
        }
    }
}

using System.Buffers.Binary;

namespace Stipple.Core.Imaging;

/// <summary>
/// Reads and writes the EXIF Orientation tag (0x0112), the one piece of EXIF needed to show a phone photo the right way
/// up. EXIF data is a TIFF structure (TIFF 6.0 §2, CIPA DC-008 §4.5.2): a byte-order mark (<c>II</c> little-endian,
/// <c>MM</c> big-endian), the number 42, the offset of IFD0, and IFD0 itself: an entry count and 12-byte entries
/// (tag, type, count, value), then the offset of the next IFD.
/// </summary>
internal static class ExifOrientation
{
    /// <summary>Orientation 1: the stored pixels are upright; also what a file without EXIF means.</summary>
    public const int Upright = 1;

    /// <summary>Bytes of <see cref="Minimal"/>: 8 of header, 2 of count, one 12-byte entry, 4 of next-IFD offset.</summary>
    public const int MinimalLength = 26;

    private const ushort OrientationTag = 0x0112;
    private const ushort TypeShort = 3;
    private const ushort TypeLong = 4;
    private const int EntryLength = 12;

    /// <summary>The six bytes that precede the TIFF data in a JPEG APP1 segment (CIPA DC-008 §4.7.2).</summary>
    public static ReadOnlySpan<byte> Identifier => "Exif\0\0"u8;

    /// <summary>
    /// The Orientation (1–8) in IFD0 of <paramref name="exif"/>, TIFF data with or without the <see cref="Identifier"/>
    /// before it (some PNG and WebP writers keep it). Anything malformed (short data, an unknown byte order, an IFD
    /// offset outside the data, a count that runs past it, a value outside 1–8) reads as <see cref="Upright"/>: bad
    /// metadata never refuses a photo and never throws. Only IFD0 is read, so no chain of offsets can loop.
    /// </summary>
    public static int Read(ReadOnlySpan<byte> exif)
    {
        var tiff = exif.StartsWith(Identifier) ? exif[Identifier.Length..] : exif;
        if (tiff.Length < 8)
        {
            return Upright;
        }

        bool bigEndian;
        if (tiff[0] == 'M' && tiff[1] == 'M')
        {
            bigEndian = true;
        }
        else if (tiff[0] == 'I' && tiff[1] == 'I')
        {
            bigEndian = false;
        }
        else
        {
            return Upright;
        }

        if (ReadUInt16(tiff[2..], bigEndian) != 42)
        {
            return Upright;
        }

        var ifd = ReadUInt32(tiff[4..], bigEndian);
        if (ifd < 8 || ifd > (uint)(tiff.Length - 2))
        {
            return Upright;
        }

        var count = ReadUInt16(tiff[(int)ifd..], bigEndian);
        var entries = tiff[((int)ifd + 2)..];
        var present = Math.Min(count, entries.Length / EntryLength);
        for (var i = 0; i < present; i++)
        {
            var entry = entries.Slice(i * EntryLength, EntryLength);
            if (ReadUInt16(entry, bigEndian) != OrientationTag)
            {
                continue;
            }

            var type = ReadUInt16(entry[2..], bigEndian);
            long value = ReadUInt32(entry[4..], bigEndian) != 1 ? 0 : type switch
            {
                TypeShort => ReadUInt16(entry[8..], bigEndian),
                TypeLong => ReadUInt32(entry[8..], bigEndian),
                _ => 0,
            };
            return value is >= 1 and <= 8 ? (int)value : Upright;
        }

        return Upright;
    }

    /// <summary>
    /// The smallest EXIF that carries <paramref name="orientation"/>: big-endian TIFF header, IFD0 holding only the
    /// Orientation tag (SHORT, count 1), no next IFD. <see cref="MinimalLength"/> bytes, without the
    /// <see cref="Identifier"/>.
    /// </summary>
    public static byte[] Minimal(int orientation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(orientation, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(orientation, 8);
        var tiff = new byte[MinimalLength];
        tiff[0] = (byte)'M';
        tiff[1] = (byte)'M';
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8); // IFD0 follows the header
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 1); // one entry
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(10), OrientationTag);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(12), TypeShort);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(14), 1); // count
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(18), (ushort)orientation); // left-justified in the 4-byte value
        return tiff; // bytes 20–21 pad the value, 22–25 say "no next IFD"
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> data, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(data) : BinaryPrimitives.ReadUInt16LittleEndian(data);

    private static uint ReadUInt32(ReadOnlySpan<byte> data, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data) : BinaryPrimitives.ReadUInt32LittleEndian(data);
}

using System.Buffers.Binary;

namespace Stipple.Core.Tests.Imaging;

/// <summary>Lists the tags of IFD0 in EXIF data (TIFF 6.0 §2), independently of the code under test.</summary>
internal static class TiffTestReader
{
    public const ushort Orientation = 0x0112;
    public const ushort Make = 0x010F;
    public const ushort Model = 0x0110;
    public const ushort ExifIfd = 0x8769;
    public const ushort GpsIfd = 0x8825;

    public static IReadOnlyList<ushort> Ifd0Tags(ReadOnlySpan<byte> tiff)
    {
        var bigEndian = tiff[0] == 'M';
        var ifd = (int)U32(tiff[4..], bigEndian);
        var count = U16(tiff[ifd..], bigEndian);
        var tags = new List<ushort>();
        for (var i = 0; i < count; i++)
        {
            tags.Add(U16(tiff[(ifd + 2 + (12 * i))..], bigEndian));
        }

        return tags;
    }

    private static ushort U16(ReadOnlySpan<byte> data, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(data) : BinaryPrimitives.ReadUInt16LittleEndian(data);

    private static uint U32(ReadOnlySpan<byte> data, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data) : BinaryPrimitives.ReadUInt32LittleEndian(data);
}

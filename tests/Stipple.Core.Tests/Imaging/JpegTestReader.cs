using System.Buffers.Binary;

namespace Stipple.Core.Tests.Imaging;

/// <summary>
/// A minimal, independent JPEG segment lister for the tests: SOI, then length-bearing segments up to and including the
/// first SOS (T.81 B.1). No fill bytes, no standalone markers before SOS: what the tools that made the fixtures write.
/// </summary>
internal static class JpegTestReader
{
    public static IReadOnlyList<(byte Marker, int Offset, byte[] Payload)> SegmentsToFirstScan(byte[] jpeg)
    {
        jpeg[0].ShouldBe((byte)0xFF);
        jpeg[1].ShouldBe((byte)0xD8);
        var segments = new List<(byte, int, byte[])> { (0xD8, 0, []) };
        var at = 2;
        while (true)
        {
            jpeg[at].ShouldBe((byte)0xFF, $"a marker at byte {at}");
            var marker = jpeg[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            segments.Add((marker, at, jpeg.AsSpan(at + 4, length - 2).ToArray()));
            if (marker == 0xDA)
            {
                return segments;
            }

            at += 2 + length;
        }
    }

    /// <summary>The bytes from the first SOS marker to the end of the file: scans, tables between them and EOI.</summary>
    public static byte[] FromFirstScan(byte[] jpeg) => jpeg[SegmentsToFirstScan(jpeg)[^1].Offset..];
}

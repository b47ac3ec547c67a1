using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Text;

namespace Stipple.Core.Imaging;

/// <summary>
/// One piece of an image file as its format's reader found it: a JPEG segment, a PNG chunk or a RIFF chunk.
/// </summary>
/// <param name="Kind">
/// JPEG: the marker byte (0xD8 SOI … 0xFE COM). PNG and WebP: the four-character chunk type read as a big-endian
/// number, so <c>"IDAT"</c> is 0x49444154 and <c>"VP8 "</c> is 0x56503820.
/// </param>
/// <param name="Offset">Index of the part's first byte in the file (for JPEG, the 0xFF before the marker byte).</param>
/// <param name="Length">
/// Bytes in the part. JPEG: marker, length field and payload, and for SOS also the entropy-coded data that follows.
/// PNG: length, type, data and CRC. WebP: the 8-byte header and the payload, without the padding byte.
/// </param>
internal readonly record struct LayoutPart(uint Kind, int Offset, int Length)
{
    /// <summary>The <see cref="Kind"/> codes of four-character chunk types, such as <c>"tEXt"</c>.</summary>
    public static FrozenSet<uint> Codes(params string[] types) =>
        types.Select(t => BinaryPrimitives.ReadUInt32BigEndian(Encoding.ASCII.GetBytes(t))).ToFrozenSet();
}

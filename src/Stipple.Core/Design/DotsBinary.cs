using System.Buffers.Binary;

namespace Stipple.Core.Design;

/// <summary>
/// The binary form in which dots travel to the browser (docs/design-format.md): one 16-byte little-endian record per
/// dot — float32 x_mm, float32 y_mm, float32 diameter_mm, uint8 session (1-based), uint8 zone (0-based index into the
/// design's zones), then 2 zero bytes. No header. (Byte 13 was zero before issue 6; it now carries the zone.)
/// </summary>
public static class DotsBinary
{
    /// <summary>Bytes per dot.</summary>
    public const int RecordSize = 16;

    /// <summary>Writes <paramref name="dots"/> into <paramref name="destination"/>, which must hold 16 bytes per dot.</summary>
    public static void Write(ReadOnlySpan<Dot> dots, Span<byte> destination)
    {
        if (destination.Length < dots.Length * RecordSize)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes; {dots.Length * RecordSize} are needed.", nameof(destination));
        }

        for (var i = 0; i < dots.Length; i++)
        {
            var record = destination.Slice(i * RecordSize, RecordSize);
            BinaryPrimitives.WriteSingleLittleEndian(record, dots[i].X);
            BinaryPrimitives.WriteSingleLittleEndian(record[4..], dots[i].Y);
            BinaryPrimitives.WriteSingleLittleEndian(record[8..], dots[i].DiameterMm);
            record[12] = dots[i].Session;
            record[13] = dots[i].Zone;
            record[14] = 0;
            record[15] = 0;
        }
    }

    /// <summary>The dots as a new byte array.</summary>
    public static byte[] ToArray(ReadOnlySpan<Dot> dots)
    {
        var bytes = new byte[dots.Length * RecordSize];
        Write(dots, bytes);
        return bytes;
    }

    /// <summary>Reads records written by <see cref="Write"/>, zone included; the two spare bytes are not checked.</summary>
    public static Dot[] Read(ReadOnlySpan<byte> source)
    {
        if (source.Length % RecordSize != 0)
        {
            throw new FormatException($"Dot data must be a multiple of {RecordSize} bytes; got {source.Length}.");
        }

        var dots = new Dot[source.Length / RecordSize];
        for (var i = 0; i < dots.Length; i++)
        {
            var record = source.Slice(i * RecordSize, RecordSize);
            dots[i] = new Dot(
                BinaryPrimitives.ReadSingleLittleEndian(record),
                BinaryPrimitives.ReadSingleLittleEndian(record[4..]),
                BinaryPrimitives.ReadSingleLittleEndian(record[8..]),
                record[12],
                record[13]);
        }

        return dots;
    }
}

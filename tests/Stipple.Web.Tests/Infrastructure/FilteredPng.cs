using System.Buffers.Binary;
using System.IO.Compression;
using Stipple.Core.Rendering;

namespace Stipple.Web.Tests.Infrastructure;

/// <summary>
/// PNGs whose rows use every filter type (PNG §9.2: None, Sub, Up, Average, Paeth, in turn), as browsers' encoders
/// choose per row; the app's own encoder only writes None, so this is what exercises the signature check's unfiltering.
/// </summary>
internal static class FilteredPng
{
    public static byte[] Encode(RgbaImage image)
    {
        var stride = image.Width * 4;
        using var raw = new MemoryStream();
        var previous = new byte[stride];
        for (var y = 0; y < image.Height; y++)
        {
            var current = image.GetRow(y).ToArray();
            var type = (byte)(y % 5);
            raw.WriteByte(type);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= 4 ? current[i - 4] : 0, b = previous[i], c = i >= 4 ? previous[i - 4] : 0;
                var predictor = type switch
                {
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => 0,
                };
                raw.WriteByte((byte)(current[i] - predictor));
            }

            previous = current;
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw.ToArray());
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), image.Height);
        header[8] = 8;
        header[9] = 6;
        using var png = new MemoryStream();
        png.Write(PngEncoder.Signature);
        Chunk(png, "IHDR"u8, header);
        Chunk(png, "IDAT"u8, compressed.ToArray());
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void Chunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Update(Crc32.Compute(type), data));
        output.Write(word);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}

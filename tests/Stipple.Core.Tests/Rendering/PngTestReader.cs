using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Stipple.Core.Rendering;

namespace Stipple.Core.Tests.Rendering;

/// <summary>
/// A minimal, independent PNG reader for the tests: splits the file into chunks (checking each CRC with our own
/// <see cref="Crc32"/>, itself checked against published vectors), inflates the IDAT stream with
/// <see cref="ZLibStream"/> and undoes all five filter types of PNG §9, for 8-bit RGBA only.
/// </summary>
internal static class PngTestReader
{
    public static IReadOnlyList<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        png.AsSpan(0, 8).SequenceEqual(PngEncoder.Signature).ShouldBeTrue("the file starts with the PNG signature");
        var chunks = new List<(string, byte[])>();
        var at = 8;
        while (at < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            length.ShouldBeGreaterThanOrEqualTo(0);
            (at + 12 + length).ShouldBeLessThanOrEqualTo(png.Length, "a chunk runs past the end of the file");
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            crc.ShouldBe(Crc32.Compute(png.AsSpan(at + 4, 4 + length)), $"CRC of the {type} chunk");
            chunks.Add((type, data));
            at += 12 + length;
        }

        at.ShouldBe(png.Length);
        return chunks;
    }

    public static (int Width, int Height, byte[] Pixels) Decode(byte[] png)
    {
        var chunks = Chunks(png);
        chunks[0].Type.ShouldBe("IHDR");
        var header = chunks[0].Data;
        var width = BinaryPrimitives.ReadInt32BigEndian(header);
        var height = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));

        using var compressed = new MemoryStream(chunks.Where(c => string.Equals(c.Type, "IDAT", StringComparison.Ordinal)).SelectMany(c => c.Data).ToArray());
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var data = raw.ToArray();

        var stride = width * 4;
        data.Length.ShouldBe(height * (stride + 1), "one filter byte plus one row of RGBA per line");
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            var line = data.AsSpan((y * (stride + 1)) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            ReadOnlySpan<byte> above = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (var i = 0; i < stride; i++)
            {
                int a = i >= 4 ? row[i - 4] : 0, b = above[i], c = i >= 4 ? above[i - 4] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"Unknown filter type {filter} on row {y}."),
                };
                row[i] = (byte)(line[i] + predictor);
            }
        }

        return (width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}

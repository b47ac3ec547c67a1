using System.Buffers.Binary;
using System.Text;

namespace Stipple.Core.Tests.Imaging;

/// <summary>A minimal, independent WebP chunk lister for the tests: checks the RIFF header and size (RFC 9649 §2).</summary>
internal static class RiffTestReader
{
    public static IReadOnlyList<(string Type, byte[] Data)> Chunks(byte[] webp)
    {
        Encoding.ASCII.GetString(webp, 0, 4).ShouldBe("RIFF");
        Encoding.ASCII.GetString(webp, 8, 4).ShouldBe("WEBP");
        BinaryPrimitives.ReadInt32LittleEndian(webp.AsSpan(4)).ShouldBe(webp.Length - 8, "the RIFF size counts the bytes after it");
        var chunks = new List<(string, byte[])>();
        var at = 12;
        while (at < webp.Length)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(webp.AsSpan(at + 4));
            chunks.Add((Encoding.ASCII.GetString(webp, at, 4), webp.AsSpan(at + 8, size).ToArray()));
            at += 8 + size + (size & 1);
        }

        at.ShouldBe(webp.Length);
        return chunks;
    }
}

using System.Buffers.Binary;
using Stipple.Core.Rendering;

namespace Stipple.Core.Tests.Rendering;

public sealed class PngEncoderTests
{
    [Fact]
    public void File_has_signature_IHDR_IDAT_and_IEND_with_valid_lengths_and_CRCs()
    {
        var png = PngEncoder.Encode(Noise(37, 21, seed: 1));

        png.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var chunks = PngTestReader.Chunks(png); // checks every length and CRC
        chunks[0].Type.ShouldBe("IHDR");
        chunks[0].Data.Length.ShouldBe(13);
        chunks.Skip(1).SkipLast(1).ShouldAllBe(c => string.Equals(c.Type, "IDAT", StringComparison.Ordinal));
        chunks[^1].Type.ShouldBe("IEND");
        chunks[^1].Data.ShouldBeEmpty();
        png.AsSpan(png.Length - 12).ToArray().ShouldBe(new byte[] { 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 });
    }

    [Fact]
    public void IHDR_declares_8_bit_RGBA_without_interlace()
    {
        var header = PngTestReader.Chunks(PngEncoder.Encode(new RgbaImage(300, 7)))[0].Data;

        BinaryPrimitives.ReadInt32BigEndian(header).ShouldBe(300);
        BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)).ShouldBe(7);
        header[8].ShouldBe((byte)8, "bit depth");
        header[9].ShouldBe((byte)6, "colour type: truecolour with alpha");
        header[10].ShouldBe((byte)0, "compression method");
        header[11].ShouldBe((byte)0, "filter method");
        header[12].ShouldBe((byte)0, "interlace method");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(64, 64)]
    [InlineData(511, 3)]
    [InlineData(3, 400)]
    public void Decoding_gives_back_the_exact_pixels(int width, int height)
    {
        var image = Noise(width, height, seed: width * 31 + height);

        var (w, h, pixels) = PngTestReader.Decode(PngEncoder.Encode(image));

        w.ShouldBe(width);
        h.ShouldBe(height);
        pixels.ShouldBe(image.Pixels);
    }

    [Fact]
    public void Large_images_are_split_into_several_IDAT_chunks_of_at_most_the_chunk_size()
    {
        var image = Noise(400, 400, seed: 7); // random bytes barely compress: ~640 kB of zlib data

        var png = PngEncoder.Encode(image);
        var idat = PngTestReader.Chunks(png).Where(c => string.Equals(c.Type, "IDAT", StringComparison.Ordinal)).ToList();

        idat.Count.ShouldBeGreaterThan(1);
        idat.ShouldAllBe(c => c.Data.Length <= PngEncoder.IdatChunkSize);
        idat.SkipLast(1).ShouldAllBe(c => c.Data.Length == PngEncoder.IdatChunkSize);
        PngTestReader.Decode(png).Pixels.ShouldBe(image.Pixels);
    }

    [Fact]
    public void Stream_and_array_forms_write_the_same_bytes()
    {
        var image = Noise(20, 10, seed: 3);
        using var stream = new MemoryStream();
        stream.WriteByte(42); // the encoder appends and leaves the stream open

        PngEncoder.Encode(image, stream);

        stream.ToArray().Skip(1).ToArray().ShouldBe(PngEncoder.Encode(image));
    }

    [Fact]
    public void A_flat_image_compresses_well()
    {
        var image = new RgbaImage(1024, 1024);
        image.Pixels.AsSpan().Fill(0x80);

        PngEncoder.Encode(image).Length.ShouldBeLessThan(20_000);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(8193, 1)]
    [InlineData(1, -5)]
    public void RgbaImage_rejects_sides_outside_1_to_8192(int width, int height)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new RgbaImage(width, height));
    }

    [Fact]
    public void RgbaImage_rejects_a_buffer_of_the_wrong_length()
    {
        Should.Throw<ArgumentException>(() => new RgbaImage(2, 2, new byte[15])).ParamName.ShouldBe("pixels");
    }

    /// <summary>Random pixels mixed with flat and gradient runs, so rows differ in character.</summary>
    private static RgbaImage Noise(int width, int height, int seed)
    {
        var random = new Random(seed);
        var image = new RgbaImage(width, height);
        random.NextBytes(image.Pixels);
        for (var y = 0; y < height; y += 3)
        {
            var row = image.GetRow(y);
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = (byte)(y % 2 == 0 ? i : 200);
            }
        }

        return image;
    }
}

using System.Text;
using Stipple.Core.Rendering;

namespace Stipple.Core.Tests.Rendering;

public sealed class Crc32Tests
{
    // CRC-32/ISO-HDLC: the check value from the Williams/Cook catalogue ("123456789"), plus widely published vectors.
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xE8B7BE43u)]
    [InlineData("abc", 0x352441C2u)]
    [InlineData("123456789", 0xCBF43926u)]
    [InlineData("message digest", 0x20159D7Fu)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void Compute_matches_published_vectors(string text, uint expected)
    {
        Crc32.Compute(Encoding.ASCII.GetBytes(text)).ShouldBe(expected);
    }

    [Fact]
    public void The_CRC_of_an_IEND_chunk_is_the_well_known_constant()
    {
        // Every PNG ends with 00 00 00 00 'IEND' AE 42 60 82.
        Crc32.Compute("IEND"u8).ShouldBe(0xAE426082u);
    }

    [Fact]
    public void Update_continues_a_finished_CRC()
    {
        var data = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog");
        for (var split = 0; split <= data.Length; split++)
        {
            Crc32.Update(Crc32.Compute(data.AsSpan(0, split)), data.AsSpan(split)).ShouldBe(0x414FA339u);
        }
    }

    [Fact]
    public void A_megabyte_of_zeros_has_the_known_CRC()
    {
        // zlib's crc32() over 2^20 zero bytes.
        Crc32.Compute(new byte[1 << 20]).ShouldBe(0xA738EA1Cu);
    }
}

namespace Stipple.Core.Rendering;

/// <summary>
/// CRC-32 as used by PNG, zlib's <c>crc32</c> and Ethernet (the "ISO-HDLC" parameter set in the Williams/Cook
/// catalogue): reflected polynomial <c>0xEDB88320</c>, initial register all ones, final XOR all ones. Check value:
/// the ASCII bytes <c>123456789</c> give <c>0xCBF43926</c>. Table-driven, one byte per step (PNG spec §15 / Annex D).
/// </summary>
public static class Crc32
{
    /// <summary>The reflected generator polynomial (x³² + x²⁶ + … + 1, bit-reversed).</summary>
    public const uint Polynomial = 0xEDB88320;

    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32 of <paramref name="data"/> (0 for empty input).</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Update(0, data);

    /// <summary>
    /// Extends a finished CRC with more bytes, like zlib's <c>crc32(crc, buf, len)</c>:
    /// <c>Update(Compute(a), b) == Compute(a ‖ b)</c>. Start from 0.
    /// </summary>
    /// <param name="crc">The CRC-32 of the bytes seen so far (0 for none).</param>
    /// <param name="data">The next bytes.</param>
    /// <returns>The CRC-32 of everything seen so far followed by <paramref name="data"/>.</returns>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        var register = ~crc;
        foreach (var b in data)
        {
            register = table[(byte)(register ^ b)] ^ (register >> 8);
        }

        return ~register;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}

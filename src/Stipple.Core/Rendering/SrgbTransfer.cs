using Stipple.Core.Colour;

namespace Stipple.Core.Rendering;

/// <summary>
/// The sRGB transfer function of IEC 61966-2-1:1999 as lookup tables for the renderer's inner loop, built from the
/// exact functions in <see cref="ColourSpaces"/>.
/// </summary>
internal static class SrgbTransfer
{
    /// <summary>Entries in the linear → 8-bit table: 2¹⁶, fine enough that the table's step moves an 8-bit code by at
    /// most 0.05 (the steepest part, 12.92 × 255 codes per unit near black).</summary>
    public const int EncodeTableSize = 1 << 16;

    private static readonly float[] DecodeTable = BuildDecodeTable();
    private static readonly byte[] EncodeTable = BuildEncodeTable();

    /// <summary>8-bit sRGB code → linear light (0–1), exact to float precision.</summary>
    public static ReadOnlySpan<float> Decode8 => DecodeTable;

    /// <summary>Linear light quantised to <see cref="EncodeTableSize"/> − 1 steps → nearest 8-bit sRGB code.</summary>
    public static ReadOnlySpan<byte> Encode16 => EncodeTable;

    private static float[] BuildDecodeTable()
    {
        var table = new float[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (float)ColourSpaces.ToLinear(i / 255.0);
        }

        return table;
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[EncodeTableSize];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = ColourSpaces.ToByte(i / (double)(EncodeTableSize - 1));
        }

        return table;
    }
}

namespace Stipple.Core.Rendering;

/// <summary>
/// The sRGB transfer function of IEC 61966-2-1:1999 (§5.2, §5.3): exact in double precision, and as lookup tables
/// for the renderer's inner loop.
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

    /// <summary>sRGB-encoded value (0–1) → linear light (0–1): IEC 61966-2-1 §5.2.</summary>
    public static double ToLinear(double encoded) =>
        encoded <= 0.04045 ? encoded / 12.92 : Math.Pow((encoded + 0.055) / 1.055, 2.4);

    /// <summary>Linear light (0–1) → sRGB-encoded value (0–1): IEC 61966-2-1 §5.3.</summary>
    public static double FromLinear(double linear) =>
        linear <= 0.0031308 ? linear * 12.92 : (1.055 * Math.Pow(linear, 1 / 2.4)) - 0.055;

    /// <summary>Linear light (clamped to 0–1) → nearest 8-bit sRGB code, exactly.</summary>
    public static byte ToByte(double linear) =>
        (byte)Math.Round(255 * FromLinear(Math.Clamp(linear, 0, 1)), MidpointRounding.AwayFromZero);

    /// <summary>Linear light (clamped to 0–1) → 8-bit sRGB code through the table.</summary>
    public static byte ToByteFast(float linear) =>
        EncodeTable[(int)((Math.Clamp(linear, 0f, 1f) * (EncodeTableSize - 1)) + 0.5f)];

    private static float[] BuildDecodeTable()
    {
        var table = new float[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (float)ToLinear(i / 255.0);
        }

        return table;
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[EncodeTableSize];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = ToByte(i / (double)(EncodeTableSize - 1));
        }

        return table;
    }
}

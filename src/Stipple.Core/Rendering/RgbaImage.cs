namespace Stipple.Core.Rendering;

/// <summary>
/// A raster image: 8-bit sRGB-encoded RGBA with straight (non-premultiplied) alpha, rows top to bottom, pixels left to
/// right, 4 bytes per pixel with no row padding. The buffer is exposed for speed; it is owned by this image.
/// </summary>
public sealed class RgbaImage
{
    /// <summary>Smallest width or height, in pixels.</summary>
    public const int MinSide = 1;

    /// <summary>Largest width or height, in pixels (an 8192 × 8192 image is 256 MiB).</summary>
    public const int MaxSide = 8192;

    /// <summary>Bytes per pixel.</summary>
    public const int BytesPerPixel = 4;

    /// <summary>A fully transparent black image of the given size.</summary>
    /// <param name="width">Width in pixels, 1–8192.</param>
    /// <param name="height">Height in pixels, 1–8192.</param>
    public RgbaImage(int width, int height)
    {
        Width = CheckSide(width, nameof(width));
        Height = CheckSide(height, nameof(height));
        Pixels = new byte[width * height * BytesPerPixel];
    }

    /// <summary>An image over an existing buffer of exactly <c>width × height × 4</c> bytes (not copied).</summary>
    /// <param name="width">Width in pixels, 1–8192.</param>
    /// <param name="height">Height in pixels, 1–8192.</param>
    /// <param name="pixels">RGBA8 rows, top to bottom.</param>
    public RgbaImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        Width = CheckSide(width, nameof(width));
        Height = CheckSide(height, nameof(height));
        var length = width * height * BytesPerPixel;
        if (pixels.Length != length)
        {
            throw new ArgumentException(
                $"A {width} × {height} RGBA image needs {length} bytes; the buffer has {pixels.Length}.", nameof(pixels));
        }

        Pixels = pixels;
    }

    /// <summary>Width in pixels (1–8192).</summary>
    public int Width { get; }

    /// <summary>Height in pixels (1–8192).</summary>
    public int Height { get; }

    /// <summary>Bytes per row: <c>Width × 4</c>.</summary>
    public int Stride => Width * BytesPerPixel;

    /// <summary>The pixel data: <c>Height</c> rows of <c>Stride</c> bytes, each pixel R, G, B, A.</summary>
#pragma warning disable CA1819 // The raw buffer is the point of this type: encoders and renderers work on it in place.
    public byte[] Pixels { get; }
#pragma warning restore CA1819

    /// <summary>The bytes of row <paramref name="y"/> (0 = top).</summary>
    public Span<byte> GetRow(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return Pixels.AsSpan(y * Stride, Stride);
    }

    /// <summary>The pixel at column <paramref name="x"/>, row <paramref name="y"/> as <c>0xRRGGBBAA</c>.</summary>
    public uint GetPixel(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        var row = GetRow(y);
        var i = x * BytesPerPixel;
        return ((uint)row[i] << 24) | ((uint)row[i + 1] << 16) | ((uint)row[i + 2] << 8) | row[i + 3];
    }

    private static int CheckSide(int value, string name)
    {
        if (value is < MinSide or > MaxSide)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Image sides are {MinSide}–{MaxSide} px.");
        }

        return value;
    }
}

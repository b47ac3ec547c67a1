using System.Globalization;

namespace Stipple.Core.Imaging;

/// <summary>
/// What an uploaded photo may be, checked by <see cref="ImageInspector.Inspect"/> before anything is decoded or
/// stored. Each limit must be positive.
/// </summary>
/// <param name="MaxBytes">Largest file, in bytes.</param>
/// <param name="MaxPixels">Largest pixel count (width × height) a file may declare.</param>
/// <param name="MaxSide">Largest width or height, in pixels.</param>
public readonly record struct ImageLimits(long MaxBytes, long MaxPixels, int MaxSide)
{
    /// <summary>
    /// Limits for studio photos: 25 MiB, 64 megapixels (64,000,000), 16,384 pixels a side. A 50-megapixel phone photo
    /// (8,160 × 6,120) passes; the 16,384 side is WebP's own ceiling (16,383) rounded up.
    /// </summary>
    public static ImageLimits Photos { get; } = new(25 * 1024 * 1024, 64_000_000, 16_384);

    /// <summary>True when every limit is positive.</summary>
    internal bool IsValid => MaxBytes > 0 && MaxPixels > 0 && MaxSide > 0;

    /// <summary>The reason a file of <paramref name="length"/> bytes is refused, or null when it is small enough.</summary>
    internal string? CheckBytes(long length) =>
        length <= MaxBytes
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"is {length:N0} bytes; the limit is {DescribeBytes(MaxBytes)}");

    /// <summary>
    /// The reason declared dimensions are refused, or null when they are within the limits. The pixel count is
    /// checked first (as a <see cref="long"/>: 100,000 × 100,000 overflows <see cref="int"/>), then each side.
    /// </summary>
    internal string? CheckSize(int width, int height)
    {
        if ((long)width * height > MaxPixels)
        {
            return string.Create(CultureInfo.InvariantCulture, $"declares {width} × {height} pixels; the limit is {DescribePixels(MaxPixels)}");
        }

        if (width > MaxSide || height > MaxSide)
        {
            return string.Create(CultureInfo.InvariantCulture, $"declares {width} × {height} pixels; the limit is {MaxSide:N0} pixels a side");
        }

        return null;
    }

    /// <summary>"25 MB" for a whole number of MiB, "512 KB" for a whole number of KiB, else "1,000 bytes".</summary>
    private static string DescribeBytes(long bytes) => bytes switch
    {
        _ when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024):N0} MB"),
        _ when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:N0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
    };

    /// <summary>"64 megapixels" for a whole number of millions, else "1,234,567 pixels".</summary>
    private static string DescribePixels(long pixels) =>
        pixels % 1_000_000 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{pixels / 1_000_000:N0} megapixels")
            : string.Create(CultureInfo.InvariantCulture, $"{pixels:N0} pixels");
}

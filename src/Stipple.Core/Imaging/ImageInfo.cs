namespace Stipple.Core.Imaging;

/// <summary>
/// What <see cref="ImageInspector.Inspect"/> learnt from a photo's headers: its format, its stored size and the
/// orientation recorded in its EXIF data.
/// </summary>
public sealed record ImageInfo
{
    /// <summary>Creates the description of a photo.</summary>
    /// <param name="format">The file's format.</param>
    /// <param name="width">Stored width in pixels, as the file declares it (before any rotation); positive.</param>
    /// <param name="height">Stored height in pixels (before any rotation); positive.</param>
    /// <param name="orientation">EXIF Orientation (tag 0x0112, CIPA DC-008 §4.6.4): 1–8; 1 when the file has none.</param>
    public ImageInfo(ImageFormat format, int width, int height, int orientation)
    {
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown image format.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfLessThan(orientation, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(orientation, 8);
        Format = format;
        Width = width;
        Height = height;
        Orientation = orientation;
    }

    /// <summary>The file's format.</summary>
    public ImageFormat Format { get; }

    /// <summary>Stored width in pixels, before the orientation is applied.</summary>
    public int Width { get; }

    /// <summary>Stored height in pixels, before the orientation is applied.</summary>
    public int Height { get; }

    /// <summary>
    /// EXIF Orientation, 1–8 (CIPA DC-008 §4.6.4, TIFF 6.0): 1 is upright; 6 means "rotate 90° clockwise to show",
    /// what phones write for portrait photos; 5–8 swap width and height on screen.
    /// </summary>
    public int Orientation { get; }

    /// <summary>Width × height, as a <see cref="long"/>.</summary>
    public long PixelCount => (long)Width * Height;

    /// <summary>Width as shown once the orientation is applied (the stored height for orientations 5–8).</summary>
    public int DisplayWidth => Orientation >= 5 ? Height : Width;

    /// <summary>Height as shown once the orientation is applied (the stored width for orientations 5–8).</summary>
    public int DisplayHeight => Orientation >= 5 ? Width : Height;

    /// <summary>The IANA media type: <c>image/jpeg</c>, <c>image/png</c> or <c>image/webp</c>.</summary>
    public string MediaType => Format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        _ => "image/webp",
    };

    /// <summary>The file-name extension, with its dot: <c>.jpg</c>, <c>.png</c> or <c>.webp</c>.</summary>
    public string Extension => Format switch
    {
        ImageFormat.Jpeg => ".jpg",
        ImageFormat.Png => ".png",
        _ => ".webp",
    };
}

using System.Globalization;

namespace Stipple.Core.Imaging;

/// <summary>
/// A format reader's findings: the declared size, the EXIF orientation and the file's parts in order, or the reason the
/// file is refused (a phrase that follows a field name, like <see cref="ImageCheck.Error"/>).
/// </summary>
internal sealed class ImageLayout
{
    /// <summary>
    /// Most parts a file may have. Real photos have tens (a progressive JPEG with an ICC profile split over many APP2
    /// segments, a PNG written one IDAT per row, still far below this); the cap keeps the list of parts small however
    /// a hostile file is cut up, rather than a few times the size of the file.
    /// </summary>
    public const int MaxParts = 65_536;

    /// <summary>The reason given when a file has more than <see cref="MaxParts"/> parts, in the format's own word.</summary>
    public static string TooManyParts(string partName) =>
        string.Create(CultureInfo.InvariantCulture, $"it has more than {MaxParts:N0} {partName}");

    private ImageLayout(int width, int height, int orientation, IReadOnlyList<LayoutPart> parts, string? error)
    {
        Width = width;
        Height = height;
        Orientation = orientation;
        Parts = parts;
        Error = error;
    }

    /// <summary>Declared width in pixels (0 when refused).</summary>
    public int Width { get; }

    /// <summary>Declared height in pixels (0 when refused).</summary>
    public int Height { get; }

    /// <summary>EXIF orientation, 1–8 (1 when absent, malformed or refused).</summary>
    public int Orientation { get; }

    /// <summary>The file's parts, in file order; bytes outside them (trailing data, fill bytes) are not kept.</summary>
    public IReadOnlyList<LayoutPart> Parts { get; }

    /// <summary>Why the file is refused, or null.</summary>
    public string? Error { get; }

    public static ImageLayout Read(int width, int height, int orientation, IReadOnlyList<LayoutPart> parts) =>
        new(width, height, orientation, parts, null);

    public static ImageLayout Refused(string error) => new(0, 0, ExifOrientation.Upright, [], error);
}

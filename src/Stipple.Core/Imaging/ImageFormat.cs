namespace Stipple.Core.Imaging;

/// <summary>The photo formats Stipple accepts, as recognised from a file's bytes by <see cref="ImageInspector"/>.</summary>
public enum ImageFormat
{
    /// <summary>JPEG (ITU-T T.81 | ISO/IEC 10918-1), usually in a JFIF or Exif file.</summary>
    Jpeg,

    /// <summary>PNG (ISO/IEC 15948, W3C PNG 3rd edition).</summary>
    Png,

    /// <summary>WebP (RFC 9649): lossy VP8, lossless VP8L or the extended VP8X layout, in a RIFF container.</summary>
    WebP,
}

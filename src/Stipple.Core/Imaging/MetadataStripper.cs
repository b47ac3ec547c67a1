namespace Stipple.Core.Imaging;

/// <summary>
/// Removes the metadata a phone writes into a photo (where and when it was taken, the camera's make, model and serial
/// numbers, XMP and IPTC records, comments, thumbnails) and keeps what is needed to show it correctly: the image data,
/// colour information and the EXIF orientation. Nothing is decoded or re-encoded: pixels are byte-for-byte the same.
/// </summary>
/// <remarks>
/// Per format, what is kept (everything else goes):
/// <list type="bullet">
/// <item>JPEG: the JFIF APP0 (without thumbnail), ICC profile APP2, Adobe APP14 and every non-APPn, non-COM segment
/// (tables, frame and scan headers, image data) up to EOI.</item>
/// <item>PNG: the critical chunks and tRNS, cHRM, gAMA, iCCP, sBIT, sRGB, cICP, mDCV, cLLI, bKGD, pHYs and the APNG
/// chunks, each byte for byte with its CRC.</item>
/// <item>WebP: VP8X (EXIF and XMP flags cleared), ICCP, ANIM, ANMF, ALPH, VP8 and VP8L; the RIFF size is rewritten.</item>
/// </list>
/// When the orientation is not 1, a minimal EXIF holding only IFD0 with the Orientation tag is written back, or a
/// portrait phone photo would show on its side: in JPEG as an APP1 <c>Exif\0\0</c> segment after SOI and APP0, in PNG as
/// an eXIf chunk before the first IDAT, in WebP as an EXIF chunk at the end with the VP8X EXIF flag set. Stripping a
/// stripped file gives the same bytes.
/// </remarks>
public static class MetadataStripper
{
    /// <summary>The file to store: <paramref name="bytes"/> without metadata.</summary>
    /// <param name="bytes">A file that <see cref="ImageInspector.Inspect"/> accepted.</param>
    /// <param name="info">
    /// What <see cref="ImageInspector.Inspect"/> returned for it. Its <see cref="ImageInfo.Orientation"/> is the one
    /// written back, so a caller that lets people turn a photo can pass a different one.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="info"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The bytes are not a well-formed file of <paramref name="info"/>'s format, or declare another size.
    /// </exception>
    public static byte[] Strip(ReadOnlySpan<byte> bytes, ImageInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (FileSniffer.Format(bytes) != info.Format)
        {
            throw new ArgumentException($"The bytes are not a {info.Format} file.", nameof(bytes));
        }

        var layout = ImageInspector.Read(info.Format, bytes, limits: null);
        if (layout.Error is not null)
        {
            throw new ArgumentException("The bytes are not a file ImageInspector accepts: the file " + layout.Error + ".", nameof(bytes));
        }

        if (layout.Width != info.Width || layout.Height != info.Height)
        {
            throw new ArgumentException("The bytes declare another size than the ImageInfo passed with them.", nameof(info));
        }

        using var output = new MemoryStream(bytes.Length + 64);
        switch (info.Format)
        {
            case ImageFormat.Jpeg:
                JpegStructure.Strip(bytes, layout, info.Orientation, output);
                break;
            case ImageFormat.Png:
                PngStructure.Strip(bytes, layout, info.Orientation, output);
                break;
            default:
                WebPStructure.Strip(bytes, layout, info.Orientation, output);
                break;
        }

        return output.ToArray();
    }
}

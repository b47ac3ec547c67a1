using System.Buffers.Binary;
using System.IO.Compression;
using Stipple.Core.Rendering;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Consents;

/// <summary>
/// Checks a drawn signature before it is stored: a real PNG as a canvas exports it, of a sensible size, and not blank.
/// </summary>
/// <remarks>
/// <para>
/// What is accepted: a PNG (PNG 3rd edition §5) of at most <see cref="MaxBytes"/>, whose chunks all have correct
/// CRCs, whose IHDR says 8-bit RGBA (colour type 6), no interlace, <see cref="MinWidth"/>–<see cref="MaxWidth"/> ×
/// <see cref="MinHeight"/>–<see cref="MaxHeight"/> pixels — which is what <c>canvas.toDataURL("image/png")</c> gives
/// for the transparent pad in Chromium, Firefox and WebKit — and that ends with IEND.
/// </para>
/// <para>
/// The blank rule: the pad must report at least <see cref="MinStrokePoints"/> points drawn, and the image itself must
/// have at least <see cref="MinInkedPixels"/> pixels that are not fully transparent. The second half is checked by
/// inflating the image data (zlib, as every PNG is) and undoing the row filters (§9) — no image library needed. A
/// rule on the file's size ("bigger than a blank canvas") was measured and rejected: a blank 600 × 200 canvas deflates
/// to 488 bytes at zlib level 6 but to 4,653 bytes at level 1 (fixed Huffman codes), while the same canvas with a
/// short stroke is 511 bytes at level 6, so no size threshold separates blank from signed across browsers' encoders.
/// Inflation stops at the size the header promises, so a small file cannot expand into a large allocation.
/// </para>
/// </remarks>
public static class SignatureImage
{
    public const int MaxBytes = 512 * 1024;
    public const int MinWidth = 100;
    public const int MaxWidth = 4096;
    public const int MinHeight = 40;
    public const int MaxHeight = 2048;
    public const int MinStrokePoints = 10;
    public const int MinInkedPixels = 20;

    private const string Field = "signaturePng";
    private const string DrawAgain = "Draw the signature in the box: the client signs with a finger, a stylus or the mouse.";
    private const string NotPng = "The signature is not a PNG image from the signature pad. Clear the box and sign again.";

    /// <summary>The PNG's bytes, or null with the reason added to <paramref name="errors"/> under "signaturePng".</summary>
    public static byte[]? Read(string? dataUrl, int? strokePoints, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = dataUrl?.Trim() ?? "";
        if (text.Length == 0 || (strokePoints ?? 0) < MinStrokePoints)
        {
            errors.Add(Field, DrawAgain);
            return null;
        }

        const string prefix = "data:image/png;base64,";
        if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[prefix.Length..];
        }
        else if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Field, NotPng);
            return null;
        }

        if (text.Length > ((MaxBytes + 2) / 3 * 4) + 4)
        {
            errors.Add(Field, "The signature image is too large (at most 512 KB). Clear the box and sign again.");
            return null;
        }

        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, buffer, out var length))
        {
            errors.Add(Field, NotPng);
            return null;
        }

        var png = buffer[..length];
        if (Inspect(png) is not { } image)
        {
            errors.Add(Field, NotPng);
            return null;
        }

        if (CountInkedPixels(image) is not { } inked)
        {
            errors.Add(Field, NotPng);
            return null;
        }

        if (inked < MinInkedPixels)
        {
            errors.Add(Field, DrawAgain);
            return null;
        }

        return png;
    }

    private sealed record Parsed(int Width, int Height, byte[] ImageData);

    /// <summary>Walks the chunks: signature, IHDR first, CRCs, IDAT data gathered, IEND last. Null when anything is off.</summary>
    private static Parsed? Inspect(byte[] png)
    {
        if (png.Length > MaxBytes || !png.AsSpan().StartsWith(PngEncoder.Signature))
        {
            return null;
        }

        var position = PngEncoder.Signature.Length;
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        var first = true;
        while (position + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            if (length < 0 || length > png.Length - position - 12)
            {
                return null;
            }

            var type = png.AsSpan(position + 4, 4);
            var data = png.AsSpan(position + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position + 8 + length));
            if (Crc32.Update(Crc32.Compute(type), data) != crc)
            {
                return null;
            }

            if (first)
            {
                if (!type.SequenceEqual("IHDR"u8) || length != 13)
                {
                    return null;
                }

                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                var rgba8 = data[8] == 8 && data[9] == 6 && data[10] == 0 && data[11] == 0 && data[12] == 0;
                if (!rgba8 || width < MinWidth || width > MaxWidth || height < MinHeight || height > MaxHeight)
                {
                    return null;
                }

                first = false;
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(data);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                return idat.Length > 0 ? new Parsed(width, height, idat.ToArray()) : null;
            }

            position += 12 + length;
        }

        return null;
    }

    /// <summary>Pixels whose alpha is not 0, after undoing each row's filter (PNG §9.2); null when the data is broken.</summary>
    private static int? CountInkedPixels(Parsed image)
    {
        const int bpp = 4;
        var stride = image.Width * bpp;
        var previous = new byte[stride];
        var row = new byte[stride + 1];
        var inked = 0;
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(image.ImageData, writable: false), CompressionMode.Decompress);
            for (var y = 0; y < image.Height; y++)
            {
                zlib.ReadExactly(row);
                var current = row.AsSpan(1);
                for (var i = 0; i < stride; i++)
                {
                    var left = i >= bpp ? current[i - bpp] : 0;
                    var up = previous[i];
                    var upLeft = i >= bpp ? previous[i - bpp] : 0;
                    var predictor = row[0] switch
                    {
                        0 => 0,
                        1 => left,
                        2 => up,
                        3 => (left + up) / 2,
                        4 => Paeth(left, up, upLeft),
                        _ => throw new InvalidDataException("Unknown PNG filter type."),
                    };
                    current[i] = (byte)(current[i] + predictor);
                }

                for (var i = bpp - 1; i < stride; i += bpp)
                {
                    inked += current[i] != 0 ? 1 : 0;
                }

                current.CopyTo(previous);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            return null;
        }

        return inked;
    }

    /// <summary>The Paeth predictor (PNG §9.4): whichever of left, up and upper-left is closest to left + up − upper-left.</summary>
    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}

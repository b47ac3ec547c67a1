using System.Buffers.Binary;
using System.Globalization;

namespace Stipple.Core.Imaging;

/// <summary>
/// Reads and rewrites the segment structure of a JPEG file (ITU-T T.81 | ISO/IEC 10918-1, Annex B) without decoding it.
/// </summary>
/// <remarks>
/// <para>
/// A file is SOI, then segments, each a marker (0xFF, optionally preceded by more 0xFF fill bytes, B.1.1.2, then a code)
/// and, except for the standalone markers TEM, RST0–7, SOI and EOI, a big-endian length that counts itself and the
/// payload. After each SOS header comes entropy-coded data, in which 0xFF is always followed by a stuffed 0x00 or an RST
/// marker (B.1.1.5); the first other marker ends it. The size is in the first SOFn (C0–CF except DHT C4, JPG C8 and
/// DAC CC), B.2.2: precision, height, width, component count. Walking segment by segment, rather than searching for
/// FF C0, skips the SOF of the thumbnail that phones embed inside their EXIF segment.
/// </para>
/// <para>
/// The whole file is walked, to EOI, so that anything <see cref="ImageInspector"/> accepts can be rewritten. A file
/// that ends inside entropy-coded data, without EOI, is accepted as browsers show it; data after EOI (some phones
/// append a video or depth map there) is not part of the image and is dropped.
/// </para>
/// </remarks>
internal static class JpegStructure
{
    private const byte Tem = 0x01;
    private const byte Rst0 = 0xD0;
    private const byte Rst7 = 0xD7;
    private const byte Soi = 0xD8;
    private const byte Eoi = 0xD9;
    private const byte Sos = 0xDA;
    private const byte App0 = 0xE0;
    private const byte App1 = 0xE1;
    private const byte App2 = 0xE2;
    private const byte App14 = 0xEE;
    private const byte App15 = 0xEF;
    private const byte Com = 0xFE;

    /// <summary>Payload bytes of a JFIF 1.02 APP0 segment without thumbnail (ECMA TR/98 §10.1).</summary>
    private const int JfifPayloadLength = 14;

    /// <summary>APP0 identifier of JFIF (ECMA TR/98 §10.1).</summary>
    private static ReadOnlySpan<byte> JfifIdentifier => "JFIF\0"u8;

    /// <summary>APP2 identifier of an embedded ICC profile, possibly in several segments (ICC.1:2022 Annex B.4).</summary>
    private static ReadOnlySpan<byte> IccIdentifier => "ICC_PROFILE\0"u8;

    /// <summary>APP14 identifier of Adobe's colour-transform segment (Adobe Technical Note 5116), needed for CMYK and RGB JPEGs.</summary>
    private static ReadOnlySpan<byte> AdobeIdentifier => "Adobe"u8;

    /// <summary>
    /// Walks the file. <paramref name="limits"/>, when given, are checked as soon as the frame header is read, before
    /// the rest of the file is looked at.
    /// </summary>
    public static ImageLayout Read(ReadOnlySpan<byte> data, ImageLimits? limits)
    {
        if (data.Length < 4)
        {
            return Damaged("it ends before its first header");
        }

        var parts = new List<LayoutPart> { new(Soi, 0, 2) };
        int width = 0, height = 0, orientation = 0;
        var scanned = false;
        var pos = 2;
        while (true)
        {
            if (pos >= data.Length)
            {
                if (scanned)
                {
                    break; // no EOI: the data ends inside the image data
                }

                return Damaged("it ends before the image data");
            }

            if (data[pos] != 0xFF)
            {
                return Damaged(string.Create(CultureInfo.InvariantCulture, $"a segment is missing its marker at byte {pos:N0}"));
            }

            while (pos < data.Length && data[pos] == 0xFF)
            {
                pos++;
            }

            if (pos >= data.Length)
            {
                if (scanned)
                {
                    break;
                }

                return Damaged("it ends before the image data");
            }

            if (parts.Count == ImageLayout.MaxParts)
            {
                return Damaged(ImageLayout.TooManyParts("segments"));
            }

            var start = pos - 1;
            var marker = data[pos++];
            if (marker is 0x00 or Soi)
            {
                return Damaged("it has a marker out of place");
            }

            if (marker == Eoi)
            {
                if (!scanned)
                {
                    return Damaged("it ends before the image data");
                }

                parts.Add(new(Eoi, start, 2));
                break;
            }

            if (marker is Tem or (>= Rst0 and <= Rst7))
            {
                parts.Add(new(marker, start, 2));
                continue;
            }

            if (data.Length - pos < 2)
            {
                return Damaged("it ends inside a header");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[pos..]);
            if (length < 2)
            {
                return Damaged("a header has an impossible length");
            }

            if (length > data.Length - pos)
            {
                return Damaged("it ends inside a header");
            }

            var payload = data.Slice(pos + 2, length - 2);
            pos += length;
            if (IsStartOfFrame(marker) && width == 0)
            {
                var frameError = ReadFrame(payload, out width, out height);
                if (frameError is not null)
                {
                    return Damaged(frameError);
                }

                if (limits?.CheckSize(width, height) is { } limitError)
                {
                    return ImageLayout.Refused(limitError);
                }
            }
            else if (marker == App1 && width == 0 && orientation == 0 && payload.StartsWith(ExifOrientation.Identifier))
            {
                orientation = ExifOrientation.Read(payload);
            }
            else if (marker == Sos)
            {
                if (width == 0)
                {
                    return Damaged("its image data comes before its frame header");
                }

                if (payload.IsEmpty || payload[0] is < 1 or > 4 || payload.Length != 4 + (2 * payload[0]))
                {
                    return Damaged("a scan header is malformed");
                }

                scanned = true;
                pos = EndOfEntropyCodedData(data, pos);
            }

            parts.Add(new(marker, start, pos - start));
        }

        return ImageLayout.Read(width, height, orientation == 0 ? ExifOrientation.Upright : orientation, parts);
    }

    /// <summary>
    /// Writes SOI, the JFIF APP0 (without its rarely used thumbnail), an APP1 with the minimal EXIF when
    /// <paramref name="orientation"/> is not 1, then every segment except APPn and COM, keeping the APPn that colour
    /// depends on: ICC profile APP2 and Adobe APP14. Gone: EXIF (and its thumbnail, GPS, camera serials) and XMP in
    /// APP1, MPF and FlashPix in APP2, IPTC/Photoshop in APP13, maker segments, comments, data after EOI.
    /// </summary>
    public static void Strip(ReadOnlySpan<byte> data, ImageLayout layout, int orientation, Stream output)
    {
        output.Write([0xFF, Soi]);
        foreach (var part in layout.Parts)
        {
            var payload = Payload(data, part);
            if (part.Kind == App0 && payload.StartsWith(JfifIdentifier) && payload.Length >= JfifPayloadLength)
            {
                WriteSegment(output, App0, [.. payload[..(JfifPayloadLength - 2)], 0, 0]); // 0 × 0 thumbnail
                break;
            }
        }

        if (orientation != ExifOrientation.Upright)
        {
            WriteSegment(output, App1, [.. ExifOrientation.Identifier, .. ExifOrientation.Minimal(orientation)]);
        }

        foreach (var part in layout.Parts)
        {
            var kind = (byte)part.Kind;
            var keep = kind switch
            {
                Soi => false,
                App2 => Payload(data, part).StartsWith(IccIdentifier),
                App14 => Payload(data, part).StartsWith(AdobeIdentifier),
                (>= App0 and <= App15) or Com => false,
                _ => true,
            };
            if (keep)
            {
                output.Write(data.Slice(part.Offset, part.Length));
            }
        }
    }

    /// <summary>SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), T.81 Table B.1.</summary>
    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    /// <summary>Reads a frame header (T.81 B.2.2): P, Y, X, Nf, then three bytes per component.</summary>
    private static string? ReadFrame(ReadOnlySpan<byte> payload, out int width, out int height)
    {
        width = height = 0;
        if (payload.Length < 6 || payload[5] == 0 || payload.Length < 6 + (3 * payload[5]))
        {
            return "its frame header is malformed";
        }

        height = BinaryPrimitives.ReadUInt16BigEndian(payload[1..]);
        width = BinaryPrimitives.ReadUInt16BigEndian(payload[3..]);
        if (height == 0)
        {
            return "its height is only given after the image data (a DNL marker), which is not supported";
        }

        if (width == 0)
        {
            return "its width is zero";
        }

        return null;
    }

    /// <summary>
    /// The index of the marker that ends the entropy-coded data starting at <paramref name="from"/>, or the end of the
    /// data. Inside it, FF 00 is a stuffed data byte and FF D0–D7 a restart marker (T.81 B.1.1.5, F.1.2.3).
    /// </summary>
    private static int EndOfEntropyCodedData(ReadOnlySpan<byte> data, int from)
    {
        var pos = from;
        while (true)
        {
            var next = data[pos..].IndexOf((byte)0xFF);
            if (next < 0 || pos + next + 1 >= data.Length)
            {
                return data.Length;
            }

            pos += next;
            if (data[pos + 1] is 0x00 or (>= Rst0 and <= Rst7))
            {
                pos += 2;
                continue;
            }

            return pos;
        }
    }

    /// <summary>The payload of a length-bearing segment (after marker and length), or empty for a standalone marker.</summary>
    private static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> data, LayoutPart part) =>
        part.Length < 4 ? [] : data.Slice(part.Offset + 4, BinaryPrimitives.ReadUInt16BigEndian(data[(part.Offset + 2)..]) - 2);

    private static void WriteSegment(Stream output, byte marker, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = [0xFF, marker, 0, 0];
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)(payload.Length + 2));
        output.Write(header);
        output.Write(payload);
    }

    private static ImageLayout Damaged(string detail) =>
        ImageLayout.Refused("is a damaged or incomplete JPEG image (" + detail + ")");
}

using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Stipple.Core.Rendering;

namespace Stipple.Web.Tests.Infrastructure;

/// <summary>Files to upload (the phone photo fixture, hostile files built byte by byte) and a reader for what comes back.</summary>
public static class PhotoTestData
{
    /// <summary>Strings the fixture's metadata holds (camera, serials, artist, XMP, IPTC, comment); a stored photo holds none.</summary>
    public static readonly string[] PrivateText =
    [
        "StippleCam", "SC-9 Pro", "SN4815162342", "LS2718281828", "Jane Client", "private client note", "http://ns.adobe.com/xap",
        "scalp-private", "Londinium", "2025:03:14",
    ];

    /// <summary>A small, tiny PDF: clearance documents are judged by their "%PDF-" signature.</summary>
    public static readonly byte[] ClearancePdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>Fixtures/phone.jpg: a 64 × 48 JPEG with EXIF (Orientation 6, GPS, camera make and model), IPTC, XMP and a comment.</summary>
    public static byte[] PhoneJpeg() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "phone.jpg"));

    /// <summary>
    /// A plausible alignment of a front photo (the body of <c>PUT /api/v1/photos/{id}/alignment</c>): the glabella low in
    /// the middle, the client's right temporal on the viewer's left, the vertex near the top.
    /// </summary>
    public static object FrontAlignment { get; } = new
    {
        glabella = new { x = 0.5, y = 0.85 },
        rightTemporal = new { x = 0.25, y = 0.5 },
        leftTemporal = new { x = 0.75, y = 0.5 },
        vertex = new { x = 0.5, y = 0.15 },
    };

    /// <summary>What a renamed Windows program starts with: "MZ", then padding.</summary>
    public static byte[] WindowsProgram()
    {
        var bytes = new byte[4096];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        return bytes;
    }

    /// <summary>A PNG that is only a signature, an IHDR declaring <paramref name="width"/> × <paramref name="height"/> (with its correct CRC) and an IEND.</summary>
    public static byte[] PngDeclaring(uint width, uint height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: truecolour
        Chunk(png, "IHDR", header);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A multipart form holding the file under the field <c>file</c>, as a browser or SDK sends it.</summary>
    public static MultipartFormDataContent FileForm(byte[] bytes, string fileName, string contentType, string? note = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        if (note is not null)
        {
            form.Add(new StringContent(note), "note");
        }

        return form;
    }

    /// <summary>Uploads the phone photo for the angle through the API and returns the new photo's id.</summary>
    public static async Task<Guid> UploadPhotoAsync(HttpClient client, Guid consultationId, string angle = "crown")
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = FileForm(PhoneJpeg(), "IMG_0042.jpg", "image/jpeg");
        var response = await client.PostAsync($"/api/v1/consultations/{consultationId}/photos/{angle}", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Uploads <see cref="ClearancePdf"/> for the client through the API and returns the document's id.</summary>
    public static async Task<Guid> UploadClearanceAsync(HttpClient client, Guid clientId)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = FileForm(ClearancePdf, "GP letter.pdf", "application/pdf", "Dr Patel: fine for SMP");
        var response = await client.PostAsync($"/api/v1/clients/{clientId}/clearances", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The JPEG's marker segments from SOI up to and including the first SOS (T.81 B.1), with their payloads.</summary>
    public static IReadOnlyList<(byte Marker, byte[] Payload)> JpegSegments(byte[] jpeg)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        jpeg.Length.ShouldBeGreaterThan(4);
        jpeg[0].ShouldBe((byte)0xFF);
        jpeg[1].ShouldBe((byte)0xD8);
        var segments = new List<(byte, byte[])>();
        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            jpeg[at].ShouldBe((byte)0xFF, $"a marker at byte {at}");
            var marker = jpeg[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            segments.Add((marker, jpeg.AsSpan(at + 4, length - 2).ToArray()));
            if (marker == 0xDA)
            {
                break;
            }

            at += 2 + length;
        }

        return segments;
    }

    /// <summary>The tags of IFD0 of an APP1 "Exif\0\0" payload, and whether another IFD follows it.</summary>
    public static (IReadOnlyList<ushort> Tags, bool NextIfd) ExifIfd0(byte[] app1)
    {
        ArgumentNullException.ThrowIfNull(app1);
        Encoding.ASCII.GetString(app1, 0, 6).ShouldBe("Exif\0\0");
        var tiff = app1[6..];
        var bigEndian = tiff[0] == (byte)'M';
        ushort U16(ReadOnlySpan<byte> s) => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
        uint U32(ReadOnlySpan<byte> s) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
        U16(tiff.AsSpan(2)).ShouldBe((ushort)42);
        var ifd = (int)U32(tiff.AsSpan(4));
        var count = U16(tiff.AsSpan(ifd));
        var tags = Enumerable.Range(0, count).Select(i => U16(tiff.AsSpan(ifd + 2 + (12 * i)))).ToList();
        return (tags, U32(tiff.AsSpan(ifd + 2 + (12 * count))) != 0);
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Compute(typeAndData));
        png.Write(crc);
    }
}

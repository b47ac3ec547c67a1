using System.Buffers.Binary;
using System.Text;
using Stipple.Core.Imaging;
using static Stipple.Core.Tests.Imaging.ImagingFixtures;

namespace Stipple.Core.Tests.Imaging;

public sealed class ImageInspectorTests
{
    private const string NotAnImage = "is not a JPEG, PNG or WebP image";

    [Theory]
    [InlineData("phone.jpg", ImageFormat.Jpeg, 6, "image/jpeg", ".jpg")]
    [InlineData("phone-progressive.jpg", ImageFormat.Jpeg, 6, "image/jpeg", ".jpg")]
    [InlineData("phone.png", ImageFormat.Png, 6, "image/png", ".png")]
    [InlineData("phone.webp", ImageFormat.WebP, 6, "image/webp", ".webp")]
    [InlineData("alpha.webp", ImageFormat.WebP, 1, "image/webp", ".webp")]
    [InlineData("plain-lossy.webp", ImageFormat.WebP, 1, "image/webp", ".webp")]
    [InlineData("plain-lossless.webp", ImageFormat.WebP, 1, "image/webp", ".webp")]
    public void Fixtures_are_recognised_with_their_size_and_orientation(string file, ImageFormat format, int orientation, string mediaType, string extension)
    {
        var check = ImageInspector.Inspect(Bytes(file), ImageLimits.Photos);

        check.IsValid.ShouldBeTrue(check.Error);
        check.Error.ShouldBeNull();
        check.Info.ShouldBe(new ImageInfo(format, Width, Height, orientation));
        check.Info.MediaType.ShouldBe(mediaType);
        check.Info.Extension.ShouldBe(extension);
        check.Info.PixelCount.ShouldBe(64L * 48);
    }

    [Fact]
    public void The_JPEG_size_comes_from_the_frame_header_not_the_EXIF_thumbnail()
    {
        var jpeg = Bytes("phone.jpg");
        var app1 = JpegTestReader.SegmentsToFirstScan(jpeg).First(s => s.Marker == 0xE1).Payload;
        app1.AsSpan().IndexOf((byte[])[0xFF, 0xD8, 0xFF]).ShouldBeGreaterThan(0, "the fixture's EXIF holds a JPEG thumbnail, with its own SOF0");

        Inspect(jpeg).Width.ShouldBe(Width);
    }

    [Fact]
    public void The_progressive_fixture_has_an_SOF2_frame_and_no_baseline_one()
    {
        var markers = JpegTestReader.SegmentsToFirstScan(Bytes("phone-progressive.jpg")).Select(s => s.Marker).ToList();

        markers.ShouldContain((byte)0xC2);
        markers.ShouldNotContain((byte)0xC0);
    }

    [Theory]
    [InlineData("plain-lossy.webp", "VP8 ")]
    [InlineData("plain-lossless.webp", "VP8L")]
    [InlineData("phone.webp", "VP8X")]
    [InlineData("alpha.webp", "VP8X")]
    public void The_WebP_fixtures_cover_the_three_layouts(string file, string firstChunk)
    {
        RiffTestReader.Chunks(Bytes(file))[0].Type.ShouldBe(firstChunk);
    }

    [Fact]
    public void Orientation_6_swaps_the_displayed_width_and_height()
    {
        var info = Inspect(Bytes("phone.jpg"));

        (info.DisplayWidth, info.DisplayHeight).ShouldBe((48, 64));
        (new ImageInfo(ImageFormat.Png, 64, 48, 1).DisplayWidth).ShouldBe(64);
    }

    public static TheoryData<string, byte[], string> NonImages => new()
    {
        { "a renamed Windows executable", [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, .. new byte[48], .. "This program cannot be run in DOS mode."u8], "it looks like a Windows program" },
        { "a renamed Linux executable", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0], "it looks like a Linux program" },
        { "a 1 × 1 GIF", Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="), "it looks like a GIF image" },
        { "a text file", "client,area\nJane,crown\n"u8.ToArray(), "it looks like a text file" },
        { "a PDF", "%PDF-1.7\n1 0 obj\n"u8.ToArray(), "it looks like a PDF document" },
        { "a ZIP", [.. "PK\u0003\u0004"u8, 20, 0, 0, 0, 8, 0], "it looks like a ZIP archive or an Office document" },
        { "an iPhone HEIC photo", [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8], "it looks like an iPhone HEIC photo; save or export it as JPEG" },
        { "a TIFF", [.. "II*\0"u8, 8, 0, 0, 0, 0, 0], "it looks like a TIFF or camera raw image" },
        { "a RIFF WAVE file", [.. "RIFF"u8, 36, 0, 0, 0, .. "WAVEfmt "u8, 16, 0, 0, 0, 1, 0], "" },
        { "random binary", [0x00, 0x01, 0x02, 0x03, 0xFE, 0x10, 0x80], "" },
    };

    [Theory]
    [MemberData(nameof(NonImages))]
    public void Files_that_are_not_JPEG_PNG_or_WebP_are_refused_whatever_their_name(string what, byte[] bytes, string looksLike)
    {
        var check = ImageInspector.Inspect(bytes, ImageLimits.Photos);

        check.IsValid.ShouldBeFalse(what);
        check.Info.ShouldBeNull();
        check.Error.ShouldBe(looksLike.Length == 0 ? NotAnImage : $"{NotAnImage} ({looksLike})");
    }

    [Fact]
    public void Reasons_read_on_from_a_field_name()
    {
        var check = ImageInspector.Inspect([.. "MZ"u8, 0x90, 0], ImageLimits.Photos);

        $"photo {check.Error}".ShouldBe("photo is not a JPEG, PNG or WebP image (it looks like a Windows program)");
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        ImageInspector.Inspect([], ImageLimits.Photos).Error.ShouldBe("is empty");
    }

    public static TheoryData<string, int> Truncations()
    {
        var data = new TheoryData<string, int>();
        var jpegScan = JpegTestReader.SegmentsToFirstScan(Bytes("phone.jpg"))[^1].Offset;
        foreach (var length in new[] { 1, 2, 3, 4, 5, 20, 200, 1_000, jpegScan, jpegScan + 5 })
        {
            data.Add("phone.jpg", length);
        }

        var png = Bytes("phone.png").Length;
        foreach (var length in new[] { 1, 7, 8, 12, 20, 32, 33, 100, png - 12, png - 1 })
        {
            data.Add("phone.png", length);
        }

        var webp = Bytes("phone.webp").Length;
        foreach (var length in new[] { 1, 4, 11, 12, 19, 20, 29, 100, webp - 1 })
        {
            data.Add("phone.webp", length);
        }

        data.Add("plain-lossless.webp", 24);
        return data;
    }

    [Theory]
    [MemberData(nameof(Truncations))]
    public void A_file_cut_short_in_its_headers_is_refused(string file, int length)
    {
        var check = ImageInspector.Inspect(Bytes(file).AsSpan(0, length), ImageLimits.Photos);

        var format = Path.GetExtension(file) switch { ".jpg" => "JPEG", ".png" => "PNG", _ => "WebP" };
        check.IsValid.ShouldBeFalse();
        check.Error.ShouldStartWith($"is a damaged or incomplete {format} image (");
    }

    [Fact]
    public void A_JPEG_cut_inside_its_image_data_is_accepted_as_browsers_show_it()
    {
        var jpeg = Bytes("phone.jpg");
        var scan = JpegTestReader.SegmentsToFirstScan(jpeg)[^1].Offset;

        Inspect(jpeg[..(scan + 100)]).ShouldBe(Inspect(jpeg));
    }

    [Fact]
    public void Bytes_after_the_end_of_a_JPEG_are_ignored()
    {
        var jpeg = Bytes("phone.jpg");

        Inspect([.. jpeg, .. "ftypmp42 a motion photo's video"u8]).ShouldBe(Inspect(jpeg));
    }

    [Fact]
    public void Fill_bytes_before_JPEG_markers_are_allowed()
    {
        var jpeg = Bytes("phone.jpg");
        var sof = JpegTestReader.SegmentsToFirstScan(jpeg).First(s => s.Marker == 0xC0).Offset;

        Inspect([.. jpeg[..sof], 0xFF, 0xFF, 0xFF, .. jpeg[sof..]]).ShouldBe(Inspect(jpeg));
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_refused_before_it_is_read()
    {
        var bytes = new byte[50 * 1024 * 1024];
        Bytes("phone.jpg").CopyTo(bytes, 0);

        ImageInspector.Inspect(bytes, ImageLimits.Photos).Error.ShouldBe("is 52,428,800 bytes; the limit is 25 MB");
        ImageInspector.Inspect(bytes.AsSpan(0, 5_000), ImageLimits.Photos with { MaxBytes = 1_000 }).Error.ShouldBe("is 5,000 bytes; the limit is 1,000 bytes");
        ImageInspector.Inspect(bytes.AsSpan(0, 5_000), ImageLimits.Photos with { MaxBytes = 2_048 }).Error.ShouldBe("is 5,000 bytes; the limit is 2 KB");
    }

    [Fact]
    public void A_PNG_declaring_100000_by_100000_pixels_is_refused_from_its_header_alone()
    {
        var header = PngHeader(100_000, 100_000);
        byte[] whole = [.. header, .. PngChunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. PngChunk("IEND", [])];
        ImageInspector.Inspect(whole, ImageLimits.Photos); // warm up: the measurement below is of the check alone

        var before = GC.GetAllocatedBytesForCurrentThread();
        var headerOnly = ImageInspector.Inspect(header, ImageLimits.Photos);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        headerOnly.Error.ShouldBe("declares 100000 × 100000 pixels; the limit is 64 megapixels");
        ImageInspector.Inspect(whole, ImageLimits.Photos).Error.ShouldBe(headerOnly.Error);
        allocated.ShouldBeLessThan(4_096, "nothing in proportion to the declared 10 gigapixels");
    }

    [Fact]
    public void A_side_over_the_limit_is_refused_even_when_the_pixel_count_is_small()
    {
        byte[] png = [.. PngHeader(20_000, 10), .. PngChunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. PngChunk("IEND", [])];

        ImageInspector.Inspect(png, ImageLimits.Photos).Error.ShouldBe("declares 20000 × 10 pixels; the limit is 16,384 pixels a side");
        ImageInspector.Inspect(png, new ImageLimits(1_000_000, 100_000, 30_000)).Error.ShouldBe("declares 20000 × 10 pixels; the limit is 100,000 pixels");
    }

    [Fact]
    public void A_JPEG_frame_header_declaring_65535_by_65535_is_refused()
    {
        var jpeg = Bytes("phone.jpg");
        var sof = JpegTestReader.SegmentsToFirstScan(jpeg).First(s => s.Marker == 0xC0).Offset;
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), 65_535); // height
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), 65_535); // width

        ImageInspector.Inspect(jpeg, ImageLimits.Photos).Error.ShouldBe("declares 65535 × 65535 pixels; the limit is 64 megapixels");
    }

    [Fact]
    public void WebP_canvas_and_lossless_sizes_are_checked_against_the_limits()
    {
        var extended = Bytes("phone.webp");
        extended[24] = extended[25] = extended[27] = extended[28] = 0xFF; // canvas 65536 × 65536 (24-bit minus one)
        extended[26] = extended[29] = 0x00;
        ImageInspector.Inspect(extended, ImageLimits.Photos).Error.ShouldBe("declares 65536 × 65536 pixels; the limit is 64 megapixels");

        var lossless = Bytes("plain-lossless.webp");
        BinaryPrimitives.WriteUInt32LittleEndian(lossless.AsSpan(21), (16_383u << 14) | 16_383u); // 16384 × 16384
        ImageInspector.Inspect(lossless, ImageLimits.Photos).Error.ShouldBe("declares 16384 × 16384 pixels; the limit is 64 megapixels");
    }

    [Fact]
    public void An_extended_WebP_whose_canvas_differs_from_its_image_is_refused()
    {
        var webp = Bytes("phone.webp");
        webp[24] = 99; // canvas width 100, image width 64

        ImageInspector.Inspect(webp, ImageLimits.Photos).Error.ShouldBe("is a damaged or incomplete WebP image (its image size does not match its canvas)");
    }

    [Fact]
    public void A_PNG_header_with_a_wrong_checksum_is_refused()
    {
        var png = Bytes("phone.png");
        png[20]++; // the first byte of the IHDR height

        ImageInspector.Inspect(png, ImageLimits.Photos).Error.ShouldBe("is a damaged or incomplete PNG image (its header fails its checksum)");
    }

    [Fact]
    public void A_PNG_with_an_unknown_critical_chunk_is_refused()
    {
        var png = Bytes("phone.png");
        byte[] odd = [.. png[..33], .. PngChunk("ZZZZ", [1, 2, 3]), .. png[33..]];

        ImageInspector.Inspect(odd, ImageLimits.Photos).Error.ShouldBe("is a PNG image that needs a feature browsers do not support (a ZZZZ chunk)");
    }

    [Fact]
    public void A_file_cut_into_a_huge_number_of_pieces_is_refused()
    {
        var emptyComment = JpegSegment(0xFE, []);
        var jpeg = InsertAfterSoi(Bytes("phone.jpg"), [.. Enumerable.Repeat(emptyComment, 70_000)]);
        var png = Bytes("phone.png");
        var emptyChunk = PngChunk("prIv", []);
        byte[] manyChunks = [.. png[..33], .. Enumerable.Repeat(emptyChunk, 70_000).SelectMany(c => c), .. png[33..]];

        ImageInspector.Inspect(jpeg, ImageLimits.Photos).Error.ShouldBe("is a damaged or incomplete JPEG image (it has more than 65,536 segments)");
        ImageInspector.Inspect(manyChunks, ImageLimits.Photos).Error.ShouldBe("is a damaged or incomplete PNG image (it has more than 65,536 chunks)");
    }

    [Fact]
    public void Limits_must_be_positive()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ImageInspector.Inspect(Bytes("phone.jpg"), default));
        Should.Throw<ArgumentOutOfRangeException>(() => ImageInspector.Inspect(Bytes("phone.jpg"), ImageLimits.Photos with { MaxSide = 0 }));
    }

    [Fact]
    public void The_photo_limits_are_25_MiB_64_megapixels_and_16384_a_side()
    {
        ImageLimits.Photos.ShouldBe(new ImageLimits(26_214_400, 64_000_000, 16_384));
    }

    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void The_content_hash_is_lower_case_hex_SHA_256(string text, string expected)
    {
        // FIPS 180-2 Appendix B.1 ("abc") and the well-known hash of empty input.
        ImageInspector.ContentHash(Encoding.ASCII.GetBytes(text)).ShouldBe(expected);
    }
}

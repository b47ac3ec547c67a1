using System.Text;
using Stipple.Core.Imaging;
using Stipple.Core.Tests.Rendering;
using static Stipple.Core.Tests.Imaging.ImagingFixtures;

namespace Stipple.Core.Tests.Imaging;

public sealed class MetadataStripperTests
{
    public static TheoryData<string> PhotosWithMetadata => new() { "phone.jpg", "phone-progressive.jpg", "phone.png", "phone.webp", "alpha.webp" };

    public static TheoryData<string> AllFixtures => new()
    {
        "phone.jpg", "phone-progressive.jpg", "phone.png", "phone.webp", "alpha.webp", "plain-lossy.webp", "plain-lossless.webp",
    };

    [Theory]
    [MemberData(nameof(PhotosWithMetadata))]
    public void Camera_client_and_location_text_is_gone(string file)
    {
        var original = Bytes(file);

        var stripped = Strip(original);

        PrivateText.Where(t => Contains(original, t)).ShouldNotBeEmpty("the fixture carries private metadata");
        PrivateText.Where(t => Contains(stripped, t)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void The_stripped_file_is_recognised_with_the_same_size_and_orientation(string file)
    {
        var original = Bytes(file);

        Inspect(Strip(original)).ShouldBe(Inspect(original));
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Stripping_twice_changes_nothing(string file)
    {
        var once = Strip(Bytes(file));

        Strip(once).ShouldBe(once);
    }

    [Theory]
    [InlineData("phone.jpg")]
    [InlineData("phone-progressive.jpg")]
    public void A_JPEG_keeps_JFIF_gains_a_minimal_EXIF_and_loses_every_other_APP_segment_and_comments(string file)
    {
        var original = Bytes(file);
        var originalExif = JpegTestReader.SegmentsToFirstScan(original).First(s => s.Marker == 0xE1 && s.Payload.AsSpan().StartsWith("Exif\0\0"u8)).Payload[6..];
        new[] { TiffTestReader.Make, TiffTestReader.Model, TiffTestReader.Orientation, TiffTestReader.ExifIfd, TiffTestReader.GpsIfd }
            .ShouldBeSubsetOf(TiffTestReader.Ifd0Tags(originalExif), "the fixture's EXIF has camera, orientation, EXIF and GPS tags");

        var segments = JpegTestReader.SegmentsToFirstScan(Strip(original));

        var app = segments.Where(s => s.Marker is >= 0xE0 and <= 0xEF or 0xFE).ToList();
        app.Select(s => s.Marker).ShouldBe(new byte[] { 0xE0, 0xE1 });
        segments[1].Marker.ShouldBe((byte)0xE0, "JFIF APP0 right after SOI");
        Encoding.ASCII.GetString(segments[1].Payload, 0, 5).ShouldBe("JFIF\0");
        segments[2].Payload.ShouldBe([.. "Exif\0\0"u8, .. MinimalExifRotate90]);
        TiffTestReader.Ifd0Tags(segments[2].Payload.AsSpan(6)).ShouldBe([TiffTestReader.Orientation]);
    }

    [Theory]
    [InlineData("phone.jpg")]
    [InlineData("phone-progressive.jpg")]
    public void JPEG_tables_frame_and_image_data_are_unchanged(string file)
    {
        var original = Bytes(file);
        var stripped = Strip(original);

        JpegTestReader.FromFirstScan(stripped).ShouldBe(JpegTestReader.FromFirstScan(original), "SOS to EOI, byte for byte");
        var tables = JpegTestReader.SegmentsToFirstScan(original).Where(s => s.Marker is 0xDB or 0xC4 or 0xC0 or 0xC2).Select(s => s.Payload);
        JpegTestReader.SegmentsToFirstScan(stripped).Where(s => s.Marker is 0xDB or 0xC4 or 0xC0 or 0xC2).Select(s => s.Payload).ShouldBe(tables);
    }

    [Fact]
    public void A_JPEG_keeps_its_ICC_profile_and_Adobe_segment_and_drops_MPF_and_data_after_the_end()
    {
        var icc1 = JpegSegment(0xE2, [.. "ICC_PROFILE\0"u8, 1, 2, .. Enumerable.Repeat((byte)0xA5, 40)]);
        var icc2 = JpegSegment(0xE2, [.. "ICC_PROFILE\0"u8, 2, 2, .. Enumerable.Repeat((byte)0x5A, 20)]);
        var adobe = JpegSegment(0xEE, [.. "Adobe"u8, 0, 100, 0, 0, 0, 0, 1]);
        var mpf = JpegSegment(0xE2, [.. "MPF\0"u8, .. "MM\0*"u8, 0, 0, 0, 8]);
        var maker = JpegSegment(0xEB, "private maker data"u8);
        var original = Bytes("phone.jpg");
        var jpeg = InsertAfterSoi(original, icc1, mpf, adobe, maker, icc2);

        var stripped = Strip([.. jpeg, .. "trailing motion-photo video"u8]);

        var kept = JpegTestReader.SegmentsToFirstScan(stripped).Where(s => s.Marker is 0xE2 or 0xEE or 0xEB).Select(s => s.Payload).ToList();
        kept.ShouldBe([icc1[4..], adobe[4..], icc2[4..]]);
        stripped[^2..].ShouldBe(new byte[] { 0xFF, 0xD9 }, "the file ends at EOI");
        Contains(stripped, "motion-photo").ShouldBeFalse();
    }

    [Fact]
    public void An_upright_JPEG_gets_no_EXIF_at_all()
    {
        var original = Bytes("phone.jpg");

        var stripped = MetadataStripper.Strip(original, new ImageInfo(ImageFormat.Jpeg, Width, Height, 1));

        JpegTestReader.SegmentsToFirstScan(stripped).ShouldNotContain(s => s.Marker == 0xE1);
        Contains(stripped, "Exif").ShouldBeFalse();
        Inspect(stripped).Orientation.ShouldBe(1);
    }

    [Fact]
    public void The_orientation_written_is_the_one_passed_so_a_turned_photo_can_be_stored()
    {
        var stripped = MetadataStripper.Strip(Bytes("phone.png"), new ImageInfo(ImageFormat.Png, Width, Height, 8));

        Inspect(stripped).Orientation.ShouldBe(8);
    }

    [Fact]
    public void A_PNG_keeps_critical_and_colour_chunks_with_their_CRCs_and_gains_a_minimal_eXIf_before_IDAT()
    {
        var original = Bytes("phone.png");
        PngTestReader.Chunks(original).Select(c => c.Type).ShouldBe(
            ["IHDR", "gAMA", "cHRM", "bKGD", "tIME", "tEXt", "tEXt", "tEXt", "tEXt", "tEXt", "iTXt", "eXIf", "zTXt", "IDAT", "IEND"],
            "the fixture as ExifTool left it");

        var stripped = PngTestReader.Chunks(Strip(original)); // checks every length and CRC

        stripped.Select(c => c.Type).ShouldBe(["IHDR", "gAMA", "cHRM", "bKGD", "eXIf", "IDAT", "IEND"]);
        stripped.Single(c => string.Equals(c.Type, "eXIf", StringComparison.Ordinal)).Data.ShouldBe(MinimalExifRotate90);
        stripped.Where(c => string.Equals(c.Type, "IDAT", StringComparison.Ordinal)).Select(c => c.Data).ShouldBe(PngTestReader.Chunks(original).Where(c => string.Equals(c.Type, "IDAT", StringComparison.Ordinal)).Select(c => c.Data));
    }

    [Fact]
    public void A_PNG_keeps_its_colour_profile_and_physical_size_and_drops_private_chunks_and_data_after_IEND()
    {
        var original = Bytes("phone.png");
        var iccp = PngChunk("iCCP", [.. "ICC\0"u8, 0, 0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        var srgb = PngChunk("sRGB", [0]);
        var phys = PngChunk("pHYs", [0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1]);
        var vendor = PngChunk("prIv", "vendor data"u8);
        byte[] png = [.. original[..33], .. iccp, .. srgb, .. phys, .. vendor, .. original[33..], .. "appended"u8];

        var chunks = PngTestReader.Chunks(Strip(png));

        chunks.Select(c => c.Type).ShouldBe(["IHDR", "iCCP", "sRGB", "pHYs", "gAMA", "cHRM", "bKGD", "eXIf", "IDAT", "IEND"]);
        chunks[1].Data.ShouldBe(iccp[8..^4]);
    }

    [Fact]
    public void An_extended_WebP_keeps_its_image_chunk_and_gains_a_minimal_EXIF_chunk()
    {
        var original = Bytes("phone.webp");
        RiffTestReader.Chunks(original).Select(c => c.Type).ShouldBe(["VP8X", "VP8 ", "EXIF", "XMP "], "the fixture as ExifTool left it");

        var chunks = RiffTestReader.Chunks(Strip(original)); // checks the RIFF size

        chunks.Select(c => c.Type).ShouldBe(["VP8X", "VP8 ", "EXIF"]);
        chunks[0].Data[0].ShouldBe((byte)0x08, "only the EXIF flag");
        chunks[0].Data[1..].ShouldBe(RiffTestReader.Chunks(original)[0].Data[1..], "canvas size unchanged");
        chunks[1].Data.ShouldBe(RiffTestReader.Chunks(original)[1].Data);
        chunks[2].Data.ShouldBe(MinimalExifRotate90);
    }

    [Fact]
    public void A_WebP_with_alpha_keeps_ALPH_and_its_alpha_flag_and_loses_EXIF_and_XMP()
    {
        var original = Bytes("alpha.webp");
        var before = RiffTestReader.Chunks(original);
        before.Select(c => c.Type).ShouldBe(["VP8X", "ALPH", "VP8 ", "EXIF", "XMP "]);
        (before[0].Data[0] & 0x0C).ShouldBe(0x0C, "ExifTool set the EXIF and XMP flags");

        var chunks = RiffTestReader.Chunks(Strip(original));

        chunks.Select(c => c.Type).ShouldBe(["VP8X", "ALPH", "VP8 "]);
        chunks[0].Data[0].ShouldBe((byte)0x10, "only the alpha flag");
        chunks[1].Data.ShouldBe(before[1].Data);
        chunks[2].Data.ShouldBe(before[2].Data);
    }

    [Theory]
    [InlineData("plain-lossy.webp")]
    [InlineData("plain-lossless.webp")]
    public void A_simple_WebP_without_metadata_comes_back_unchanged(string file)
    {
        var original = Bytes(file);

        Strip(original).ShouldBe(original);
    }

    [Theory]
    [InlineData("plain-lossy.webp", "VP8 ")]
    [InlineData("plain-lossless.webp", "VP8L")]
    public void A_simple_WebP_given_an_orientation_becomes_extended_to_carry_it(string file, string imageChunk)
    {
        var original = Bytes(file);

        var turned = MetadataStripper.Strip(original, new ImageInfo(ImageFormat.WebP, Width, Height, 6));

        var chunks = RiffTestReader.Chunks(turned);
        chunks.Select(c => c.Type).ShouldBe(["VP8X", imageChunk, "EXIF"]);
        chunks[0].Data.ShouldBe(new byte[] { 0x08, 0, 0, 0, 63, 0, 0, 47, 0, 0 }, "EXIF flag, canvas 64 × 48");
        chunks[1].Data.ShouldBe(RiffTestReader.Chunks(original)[0].Data);
        Inspect(turned).ShouldBe(new ImageInfo(ImageFormat.WebP, Width, Height, 6));
    }

    [Fact]
    public void A_WebP_keeps_its_colour_profile()
    {
        var original = RiffTestReader.Chunks(Bytes("alpha.webp"));
        var header = original[0].Data.ToArray();
        header[0] |= 0x20; // ICC flag
        var iccp = RiffChunk("ICCP", Enumerable.Repeat((byte)0x42, 33).ToArray());
        var webp = WebP(RiffChunk("VP8X", header), iccp, RiffChunk("ALPH", original[1].Data), RiffChunk("VP8 ", original[2].Data));

        var chunks = RiffTestReader.Chunks(Strip(webp));

        chunks.Select(c => c.Type).ShouldBe(["VP8X", "ICCP", "ALPH", "VP8 "]);
        chunks[0].Data[0].ShouldBe((byte)0x30);
        chunks[1].Data.ShouldBe(Enumerable.Repeat((byte)0x42, 33).ToArray());
    }

    [Fact]
    public void Strip_refuses_bytes_that_do_not_match_what_it_is_told()
    {
        var jpeg = Bytes("phone.jpg");
        var info = Inspect(jpeg);

        Should.Throw<ArgumentException>(() => MetadataStripper.Strip(Bytes("phone.png"), info));
        Should.Throw<ArgumentException>(() => MetadataStripper.Strip(jpeg.AsSpan(0, 100), info));
        Should.Throw<ArgumentException>(() => MetadataStripper.Strip(jpeg, new ImageInfo(ImageFormat.Jpeg, 640, 480, 6)));
        Should.Throw<ArgumentNullException>(() => MetadataStripper.Strip(jpeg, null!));
    }

    private static byte[] Strip(byte[] bytes) => MetadataStripper.Strip(bytes, Inspect(bytes));
}

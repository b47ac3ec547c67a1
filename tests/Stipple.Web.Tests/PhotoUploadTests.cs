using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stipple.Domain;
using Stipple.Web.Tests.Infrastructure;
using static Stipple.Web.Tests.Infrastructure.PhotoTestData;

namespace Stipple.Web.Tests;

/// <summary>
/// <c>POST /api/v1/consultations/{id}/photos/{angle}</c>: files judged by their bytes and limits, metadata stripped, stored
/// content-addressed on disk and served back byte for byte.
/// </summary>
public sealed class PhotoUploadTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private TestStudio studio = null!;
    private string key = "";
    private Guid consultation;

    public async Task InitializeAsync()
    {
        studio = await app.CreateStudioAsync("Photos");
        key = await app.CreateApiKeyAsync(studio.Id);
        consultation = await CareTestData.StartConsultationAsync(app, studio.Id, studio.Clients[0].Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string StudioFiles => Path.Combine(app.FilesDirectory, studio.Id.ToString("D"));

    [Fact]
    public async Task A_renamed_windows_program_is_refused_naming_the_file_and_nothing_is_stored()
    {
        using var client = app.CreateApiClient(key);
        using var form = FileForm(WindowsProgram(), "photo.jpg", "image/jpeg");

        var response = await client.PostAsync($"/api/v1/consultations/{consultation}/photos/front", form);

        var errors = await CareTestData.ProblemAsync(response);
        errors.Keys.ShouldBe(["file"]);
        errors["file"][0].ShouldContain("not a JPEG, PNG or WebP");
        errors["file"][0].ShouldContain("Windows program");
        await ShouldStoreNothingForAsync("front");
    }

    [Fact]
    public async Task A_50_MB_file_is_refused_naming_the_file_its_size_and_the_limit_and_nothing_is_stored()
    {
        using var client = app.CreateApiClient(key);
        var big = new byte[50 * 1024 * 1024];
        PhoneJpeg().AsSpan(0, 64).CopyTo(big);
        using var form = FileForm(big, "huge.jpg", "image/jpeg");

        var response = await client.PostAsync($"/api/v1/consultations/{consultation}/photos/back", form);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge);
        var errors = await CareTestData.ProblemAsync(response, response.StatusCode);
        errors.Keys.ShouldBe(["file"]);
        errors["file"][0].ShouldContain("50 MB");
        errors["file"][0].ShouldContain("the limit is 20 MB");
        await ShouldStoreNothingForAsync("back");
    }

    [Fact]
    public async Task A_png_declaring_100000_by_100000_pixels_is_refused_from_its_header()
    {
        using var client = app.CreateApiClient(key);
        var bomb = PngDeclaring(100_000, 100_000);
        bomb.Length.ShouldBeLessThan(100);
        using var form = FileForm(bomb, "scalp.png", "image/png");

        var response = await client.PostAsync($"/api/v1/consultations/{consultation}/photos/left", form);

        var errors = await CareTestData.ProblemAsync(response);
        errors["file"][0].ShouldContain("declares 100000 × 100000 pixels");
        await ShouldStoreNothingForAsync("left");
    }

    [Fact]
    public async Task An_unknown_angle_or_no_file_is_a_problem_naming_the_field()
    {
        using var client = app.CreateApiClient(key);

        using (var form = FileForm(PhoneJpeg(), "IMG.jpg", "image/jpeg"))
        {
            (await CareTestData.ProblemAsync(await client.PostAsync($"/api/v1/consultations/{consultation}/photos/sideways", form))).Keys.ShouldBe(["angle"]);
        }

        using (var empty = new MultipartFormDataContent { { new StringContent("x"), "other" } })
        {
            (await CareTestData.ProblemAsync(await client.PostAsync($"/api/v1/consultations/{consultation}/photos/right", empty)))["file"][0].ShouldContain("required");
        }

        using var form2 = FileForm(PhoneJpeg(), "IMG.jpg", "image/jpeg");
        (await client.PostAsync($"/api/v1/consultations/{Guid.NewGuid()}/photos/right", form2)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await ShouldStoreNothingForAsync("right");
    }

    [Fact]
    public async Task A_phone_jpeg_is_stored_without_gps_or_camera_data_and_served_back_as_stored()
    {
        var original = PhoneJpeg();
        // The fixture really carries what must go: a GPS IFD pointer (0x8825) and the camera's make and model.
        ExifIfd0(JpegSegments(original).First(s => s.Marker == 0xE1).Payload).Tags.ShouldContain((ushort)0x8825);
        Encoding.Latin1.GetString(original).ShouldContain("StippleCam");
        using var client = app.CreateApiClient(key);
        using var form = FileForm(original, "IMG_0042.jpg", "image/jpeg");

        var response = await client.PostAsync($"/api/v1/consultations/{consultation}/photos/top", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var photo = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = photo.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/photos/{id}");
        photo.GetProperty("mediaType").GetString().ShouldBe("image/jpeg");
        photo.GetProperty("width").GetInt32().ShouldBe(64);
        photo.GetProperty("height").GetInt32().ShouldBe(48);

        var served = await client.GetAsync($"/api/v1/photos/{id}");
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        served.Headers.CacheControl!.Private.ShouldBeTrue();
        var bytes = await served.Content.ReadAsByteArrayAsync();
        ShouldHoldNoMetadata(bytes);

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        served.Headers.ETag!.Tag.ShouldBe($"\"{hash}\"");
        (await app.InStudioAsync(studio.Id, db => db.Photos.AsNoTracking().SingleAsync(p => p.Id == id))).ContentHash.ShouldBe(hash);
        var onDisk = Path.Combine(StudioFiles, hash[..2], hash[2..4], hash);
        File.Exists(onDisk).ShouldBeTrue($"the stored file is named by its SHA-256: {onDisk}");
        var stored = await File.ReadAllBytesAsync(onDisk);
        stored.ShouldBe(bytes);
        ShouldHoldNoMetadata(stored);
        photo.GetProperty("byteSize").GetInt64().ShouldBe(stored.LongLength);
    }

    [Fact]
    public async Task A_second_photo_of_an_angle_replaces_the_first()
    {
        using var client = app.CreateApiClient(key);
        var first = await UploadPhotoAsync(client, consultation, "crown");

        var second = await UploadPhotoAsync(client, consultation, "crown");

        second.ShouldBe(first);
        var list = await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/consultations/{consultation}/photos");
        list!.Count(p => string.Equals(p.GetProperty("angle").GetString(), "Crown", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
    }

    /// <summary>Only the image and, for a turned phone photo, a minimal EXIF holding nothing but the orientation.</summary>
    private static void ShouldHoldNoMetadata(byte[] jpeg)
    {
        var segments = JpegSegments(jpeg);
        segments.ShouldNotContain(s => s.Marker == 0xFE, "no comment (COM)");
        segments.ShouldNotContain(s => s.Marker == 0xED, "no IPTC (APP13)");
        var app1 = segments.Where(s => s.Marker == 0xE1).ShouldHaveSingleItem("one APP1: the orientation");
        var (tags, nextIfd) = ExifIfd0(app1.Payload);
        tags.ShouldBe([(ushort)0x0112], "IFD0 holds only Orientation: no GPS IFD (0x8825), no Make (0x010F) or Model (0x0110)");
        nextIfd.ShouldBeFalse("no IFD1 (thumbnail)");
        segments.Select(s => Encoding.Latin1.GetString(s.Payload)).ShouldAllBe(payload => !payload.Contains("GPS"), "no GPS in any header segment");
        var text = Encoding.Latin1.GetString(jpeg);
        foreach (var secret in PrivateText)
        {
            text.ShouldNotContain(secret);
        }
    }

    private async Task ShouldStoreNothingForAsync(string angle)
    {
        var angles = await app.InStudioAsync(studio.Id, db => db.Photos.Where(p => p.ConsultationId == consultation).Select(p => p.Angle).ToListAsync());
        angles.Select(PhotoAngles.Code).ShouldNotContain(angle);
        var files = Directory.Exists(StudioFiles) ? Directory.GetFiles(StudioFiles, "*", SearchOption.AllDirectories) : [];
        var known = await app.InStudioAsync(studio.Id, db => db.Photos.Select(p => p.ContentHash).ToListAsync());
        files.Select(Path.GetFileName).ShouldAllBe(name => known.Contains(name!), "only files of stored photos are on disk");
    }
}

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

    [Fact]
    public async Task The_consultation_pages_upload_form_saves_a_photo_and_refuses_a_program_with_a_message()
    {
        var own = await CareTestData.StartConsultationAsync(app, studio.Id, studio.Clients[1].Id);
        var practitioner = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        var token = await practitioner.TokenAsync($"/Consultations/{own}");

        var refused = await PostPageFormAsync(practitioner, token, $"/Consultations/{own}/Photos?handler=Upload", WindowsProgram(), "photo.jpg", "image/jpeg", ("angle", "left"));
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldBe($"/Consultations/{own}#photos");
        WebUtility.HtmlDecode(await practitioner.Client.GetStringAsync($"/Consultations/{own}"))
            .ShouldContain("Photo not saved: the file is not a JPEG, PNG or WebP image");

        var saved = await PostPageFormAsync(practitioner, token, $"/Consultations/{own}/Photos?handler=Upload", PhoneJpeg(), "IMG_0007.jpg", "image/jpeg", ("angle", "left"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var photo = await app.InStudioAsync(studio.Id, db => db.Photos.AsNoTracking().SingleAsync(p => p.ConsultationId == own));
        photo.UploadedBy.ShouldBe(studio.Practitioner.Id);
        var page = WebUtility.HtmlDecode(await practitioner.Client.GetStringAsync($"/Consultations/{own}"));
        page.ShouldContain("Photo saved.");
        page.ShouldContain($"<img src=\"/api/v1/photos/{photo.Id}\"");
        WebUtility.HtmlDecode(await practitioner.Client.GetStringAsync($"/Clients/{studio.Clients[1].Id}/Photos?angle=left")).ShouldContain($"/api/v1/photos/{photo.Id}");
        (await practitioner.Client.GetAsync($"/api/v1/photos/{photo.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Front_desk_cannot_upload_photos()
    {
        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        var token = await desk.TokenAsync($"/Consultations/{consultation}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/consultations/{consultation}/photos/right") { Content = FileForm(PhoneJpeg(), "IMG.jpg", "image/jpeg") };
        request.Headers.Add("RequestVerificationToken", token);

        var response = await desk.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await ShouldStoreNothingForAsync("right");
    }

    [Fact]
    public async Task A_clearance_must_be_a_pdf_or_a_photo_and_a_photo_of_a_letter_is_stripped_too()
    {
        using var client = app.CreateApiClient(key);
        var person = studio.Clients[1].Id;

        using (var program = FileForm(WindowsProgram(), "letter.pdf", "application/pdf"))
        {
            (await CareTestData.ProblemAsync(await client.PostAsync($"/api/v1/clients/{person}/clearances", program)))["file"][0]
                .ShouldContain("must be a PDF or a JPEG, PNG or WebP");
        }

        using (var noNote = FileForm(PhoneJpeg(), "letter.jpg", "image/jpeg", new string('n', 2001)))
        {
            (await CareTestData.ProblemAsync(await client.PostAsync($"/api/v1/clients/{person}/clearances", noNote))).Keys.ShouldBe(["note"]);
        }

        (await app.InStudioAsync(studio.Id, db => db.ClearanceDocuments.CountAsync(d => d.ClientId == person))).ShouldBe(0);
        using var photo = FileForm(PhoneJpeg(), "../../etc/GP letter.jpg", "image/jpeg");
        var created = await client.PostAsync($"/api/v1/clients/{person}/clearances", photo);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var document = await created.Content.ReadFromJsonAsync<JsonElement>();
        document.GetProperty("fileName").GetString().ShouldBe("GP letter.jpg");
        document.GetProperty("mediaType").GetString().ShouldBe("image/jpeg");
        var served = await client.GetAsync(document.GetProperty("url").GetString());
        served.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        ShouldHoldNoMetadata(await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_alignment_is_stored_listed_with_the_photos_size_as_shown_and_cleared()
    {
        var own = await CareTestData.StartConsultationAsync(app, studio.Id, studio.Clients[1].Id);
        var practitioner = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        var token = await practitioner.TokenAsync($"/Consultations/{own}");
        using var client = app.CreateApiClient(key);
        var id = await UploadPhotoAsync(client, own, "front");
        var fresh = (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/consultations/{own}/photos"))!.ShouldHaveSingleItem();
        fresh.GetProperty("alignment").ValueKind.ShouldBe(JsonValueKind.Null);
        // The fixture is stored 64 × 48 with EXIF orientation 6: it is shown turned, 48 × 64.
        (fresh.GetProperty("width").GetInt32(), fresh.GetProperty("height").GetInt32()).ShouldBe((64, 48));
        (fresh.GetProperty("displayWidth").GetInt32(), fresh.GetProperty("displayHeight").GetInt32()).ShouldBe((48, 64));

        var response = await SendJsonAsync(practitioner, token, HttpMethod.Put, $"/api/v1/photos/{id}/alignment", FrontAlignment);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var expected = JsonSerializer.SerializeToElement(FrontAlignment);
        var returned = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alignment");
        AlignmentOf(returned).ShouldBe(AlignmentOf(expected));
        var listed = (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/consultations/{own}/photos"))!.ShouldHaveSingleItem();
        AlignmentOf(listed.GetProperty("alignment")).ShouldBe(AlignmentOf(expected));
        var row = await app.InStudioAsync(studio.Id, db => db.Photos.AsNoTracking().SingleAsync(p => p.Id == id));
        row.Alignment!.ToArray().ShouldBe([0.5, 0.85, 0.25, 0.5, 0.75, 0.5, 0.5, 0.15]);
        row.AlignedBy.ShouldBe(studio.Practitioner.Id);
        row.AlignedAt.ShouldNotBeNull();

        (await SendJsonAsync(practitioner, token, HttpMethod.Delete, $"/api/v1/photos/{id}/alignment", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/consultations/{own}/photos"))![0].GetProperty("alignment").ValueKind.ShouldBe(JsonValueKind.Null);
        (await client.DeleteAsync($"/api/v1/photos/{Guid.NewGuid()}/alignment")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutAsJsonAsync($"/api/v1/photos/{Guid.NewGuid()}/alignment", FrontAlignment)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_handles_are_refused_naming_the_field_and_a_folded_quadrilateral_naming_the_alignment()
    {
        var own = await CareTestData.StartConsultationAsync(app, studio.Id, studio.Clients[1].Id);
        using var client = app.CreateApiClient(key);
        var id = await UploadPhotoAsync(client, own, "top");
        var url = $"/api/v1/photos/{id}/alignment";
        object Handles(double gx, double gy, double rx, double ry, double lx, double ly, double vx, double vy) => new
        {
            glabella = new { x = gx, y = gy },
            rightTemporal = new { x = rx, y = ry },
            leftTemporal = new { x = lx, y = ly },
            vertex = new { x = vx, y = vy },
        };

        (await CareTestData.ProblemAsync(await client.PutAsJsonAsync(url, Handles(2.5, 0.85, 0.25, 0.5, 0.75, 0.5, 0.5, -1.01)))).Keys
            .ShouldBe(["glabella.x", "vertex.y"], ignoreOrder: true);
        (await CareTestData.ProblemAsync(await client.PutAsJsonAsync(url, new { glabella = new { x = 0.5 }, rightTemporal = new { x = 0.25, y = 0.5 }, leftTemporal = new { x = 0.75, y = 0.5 } })))
            .Keys.ShouldBe(["glabella.y", "vertex"], ignoreOrder: true);
        (await CareTestData.ProblemAsync(await client.PutAsync(url, new StringContent("{\"glabella\": {\"x\": \"left\", \"y\": 0.8}}", Encoding.UTF8, "application/json"))))
            .Keys.ShouldBe(["glabella.x"]);
        // 1% of the 80-pixel diagonal of the photo as shown (48 × 64) from the left temporal handle.
        (await CareTestData.ProblemAsync(await client.PutAsJsonAsync(url, Handles(0.5, 0.85, 0.25, 0.5, 0.75, 0.5, 0.75 + (0.8 / 48), 0.5))))["vertex"][0]
            .ShouldContain("on top of the left temple handle");
        // Glabella, right temporal, vertex, left temporal crossing over each other (a bow tie).
        (await CareTestData.ProblemAsync(await client.PutAsJsonAsync(url, Handles(0.3, 0.8, 0.7, 0.8, 0.7, 0.2, 0.3, 0.2)))).Keys.ShouldBe(["alignment"]);
        // The vertex inside the triangle of the other three: a dented quadrilateral folds the map too.
        (await CareTestData.ProblemAsync(await client.PutAsJsonAsync(url, Handles(0.5, 0.9, 0.2, 0.3, 0.8, 0.3, 0.5, 0.5)))).Keys.ShouldBe(["alignment"]);
        // Three handles on one line: no transform exists.
        (await CareTestData.ProblemAsync(await client.PutAsJsonAsync(url, Handles(0.5, 0.9, 0.2, 0.5, 0.8, 0.5, 0.5, 0.5)))).Keys.ShouldBe(["alignment"]);
        (await app.InStudioAsync(studio.Id, db => db.Photos.AsNoTracking().SingleAsync(p => p.Id == id))).Alignment.ShouldBeNull();

        // A mirror image (handles swapped left for right, as a selfie shows them) is not folded.
        (await client.PutAsJsonAsync(url, Handles(0.5, 0.85, 0.75, 0.5, 0.25, 0.5, 0.5, 0.15))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_new_upload_of_the_photo_clears_its_alignment_and_front_desk_cannot_align()
    {
        var own = await CareTestData.StartConsultationAsync(app, studio.Id, studio.Clients[0].Id);
        using var client = app.CreateApiClient(key);
        var id = await UploadPhotoAsync(client, own, "front");
        (await client.PutAsJsonAsync($"/api/v1/photos/{id}/alignment", FrontAlignment)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await UploadPhotoAsync(client, own, "front")).ShouldBe(id);

        (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/consultations/{own}/photos"))!.ShouldHaveSingleItem().GetProperty("alignment").ValueKind.ShouldBe(JsonValueKind.Null);
        var row = await app.InStudioAsync(studio.Id, db => db.Photos.AsNoTracking().SingleAsync(p => p.Id == id));
        (row.Alignment, row.AlignedBy, row.AlignedAt).ShouldBe((null, null, null));

        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        var token = await desk.TokenAsync($"/Consultations/{own}");
        (await SendJsonAsync(desk, token, HttpMethod.Put, $"/api/v1/photos/{id}/alignment", FrontAlignment)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendJsonAsync(desk, token, HttpMethod.Delete, $"/api/v1/photos/{id}/alignment", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.InStudioAsync(studio.Id, db => db.Photos.AsNoTracking().SingleAsync(p => p.Id == id))).Alignment.ShouldBeNull();
    }

    /// <summary>The eight numbers of an alignment object, in stored order.</summary>
    private static double[] AlignmentOf(JsonElement alignment) =>
        [.. new[] { "glabella", "rightTemporal", "leftTemporal", "vertex" }
            .SelectMany(name => new[] { alignment.GetProperty(name).GetProperty("x").GetDouble(), alignment.GetProperty(name).GetProperty("y").GetDouble() })];

    private static async Task<HttpResponseMessage> SendJsonAsync(BrowserSession session, string token, HttpMethod method, string url, object? body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", token);
        return await session.Client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostPageFormAsync(BrowserSession session, string token, string action, byte[] bytes, string fileName, string contentType, params (string Name, string Value)[] fields)
    {
        using var form = FileForm(bytes, fileName, contentType);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return await session.Client.PostAsync(action, form);
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

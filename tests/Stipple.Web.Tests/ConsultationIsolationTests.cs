using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Domain;
using Stipple.Web.Tests.Infrastructure;
using static Stipple.Web.Tests.Infrastructure.CareTestData;

namespace Stipple.Web.Tests;

/// <summary>
/// Photos, clearances, consultations, the booking gate and clients of studio A are not found by studio B's staff or keys,
/// and a client's link shows that client's own photos only, once, and not after it expires.
/// </summary>
public sealed class ConsultationIsolationTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private TestStudio a = null!;
    private TestStudio b = null!;
    private string aKey = "";
    private string bKey = "";
    private Guid consultationA0;
    private Guid consultationA1;
    private Guid photoA0;
    private Guid photoA1;
    private Guid photoB0;
    private Guid clearanceA0;
    private string tokenA0 = "";

    public async Task InitializeAsync()
    {
        a = await app.CreateStudioAsync("Isolation A");
        b = await app.CreateStudioAsync("Isolation B");
        aKey = await app.CreateApiKeyAsync(a.Id);
        bKey = await app.CreateApiKeyAsync(b.Id);
        consultationA0 = await StartConsultationAsync(app, a.Id, a.Clients[0].Id);
        consultationA1 = await StartConsultationAsync(app, a.Id, a.Clients[1].Id);
        var consultationB0 = await StartConsultationAsync(app, b.Id, b.Clients[0].Id);
        using var aApi = app.CreateApiClient(aKey);
        using var bApi = app.CreateApiClient(bKey);
        photoA0 = await PhotoTestData.UploadPhotoAsync(aApi, consultationA0, "front");
        photoA1 = await PhotoTestData.UploadPhotoAsync(aApi, consultationA1, "front");
        photoB0 = await PhotoTestData.UploadPhotoAsync(bApi, consultationB0, "front");
        clearanceA0 = await PhotoTestData.UploadClearanceAsync(aApi, a.Clients[0].Id);
        await SubmitIntakeAsync(app, a.Id, consultationA0, Clean());
        tokenA0 = await CreateLinkAsync(app, a.Id, consultationA0);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_studios_own_key_reaches_what_the_other_studio_cannot()
    {
        using var own = app.CreateApiClient(aKey);

        (await own.GetAsync($"/api/v1/photos/{photoA0}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.GetAsync($"/api/v1/clearances/{clearanceA0}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.GetAsync($"/api/v1/screening/clients/{a.Clients[0].Id}/gate")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.GetAsync($"/api/v1/clients/{a.Clients[0].Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_studios_api_key_gets_404_for_the_photo_clearance_gate_and_client_and_cannot_write_to_them()
    {
        using var other = app.CreateApiClient(bKey);
        var client = a.Clients[0].Id;

        (await other.GetAsync($"/api/v1/photos/{photoA0}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/clearances/{clearanceA0}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/screening/clients/{client}/gate")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/clients/{client}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetFromJsonAsync<List<JsonElement>>($"/api/v1/clients/{client}/clearances"))!.ShouldBeEmpty();
        (await other.GetFromJsonAsync<List<JsonElement>>($"/api/v1/consultations/{consultationA0}/photos"))!.ShouldBeEmpty();
        (await other.GetFromJsonAsync<List<JsonElement>>($"/api/v1/clients/{client}/duplicates"))!.ShouldBeEmpty();
        (await other.GetFromJsonAsync<List<JsonElement>>($"/api/v1/clients/{client}/notes"))!.ShouldBeEmpty();

        using (var photo = PhotoTestData.FileForm(PhotoTestData.PhoneJpeg(), "IMG.jpg", "image/jpeg"))
        {
            (await other.PostAsync($"/api/v1/consultations/{consultationA0}/photos/top", photo)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var letter = PhotoTestData.FileForm(PhotoTestData.ClearancePdf, "letter.pdf", "application/pdf"))
        {
            (await other.PostAsync($"/api/v1/clients/{client}/clearances", letter)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await other.PostAsJsonAsync($"/api/v1/clients/{client}/notes", new { body = "planted" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync($"/api/v1/clients/{client}/merge", new { duplicateId = b.Clients[0].Id })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var intoOwn = await ProblemAsync(await other.PostAsJsonAsync($"/api/v1/clients/{b.Clients[0].Id}/merge", new { duplicateId = client }));
        intoOwn["duplicateId"][0].ShouldContain("not a client of this studio");

        (await app.InStudioAsync(a.Id, db => db.Clients.CountAsync(c => c.Id == client))).ShouldBe(1);
        (await app.InStudioAsync(a.Id, db => db.Photos.CountAsync(p => p.ConsultationId == consultationA0))).ShouldBe(1);
        (await app.InStudioAsync(a.Id, db => db.ClearanceDocuments.CountAsync(d => d.ClientId == client))).ShouldBe(1);
        (await app.InStudioAsync(a.Id, db => db.ClientNotes.CountAsync(n => n.ClientId == client))).ShouldBe(0);
    }

    [Fact]
    public async Task Another_studios_staff_cookie_gets_404_for_the_pages_photo_clearance_gate_and_client()
    {
        var other = await BrowserSession.SignedInAsync(app, b.Owner.Email);
        var client = a.Clients[0].Id;
        var ownConsultation = await app.InStudioAsync(b.Id, db => db.Consultations.Select(c => c.Id).SingleAsync());
        (await other.Client.GetAsync($"/Consultations/{ownConsultation}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var path in new[]
        {
            $"/Consultations/{consultationA0}", $"/Consultations/{consultationA0}/Intake", $"/Clients/{client}", $"/Clients/{client}/Photos",
            $"/api/v1/photos/{photoA0}", $"/api/v1/clearances/{clearanceA0}", $"/api/v1/screening/clients/{client}/gate", $"/api/v1/clients/{client}",
        })
        {
            (await other.Client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }

        (await other.PostFormAsync($"/Consultations/{ownConsultation}", $"/Consultations/{consultationA0}?handler=Link", [])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostFormAsync($"/Consultations/{ownConsultation}", $"/Consultations/{consultationA0}?handler=Notes", new() { ["Notes"] = "planted" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = await other.TokenAsync($"/Consultations/{ownConsultation}");
        using (var upload = PhotoTestData.FileForm(PhotoTestData.PhoneJpeg(), "IMG.jpg", "image/jpeg"))
        {
            upload.Add(new StringContent(token), "__RequestVerificationToken");
            upload.Add(new StringContent("top"), "angle");
            (await other.Client.PostAsync($"/Consultations/{consultationA0}/Photos?handler=Upload", upload)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await app.InStudioAsync(a.Id, db => db.ClientLinks.CountAsync(l => l.ConsultationId == consultationA0))).ShouldBe(1);
        (await app.InStudioAsync(a.Id, db => db.Consultations.AsNoTracking().SingleAsync(c => c.Id == consultationA0))).Notes.ShouldBeNull();
        (await app.InStudioAsync(a.Id, db => db.Photos.CountAsync(p => p.ConsultationId == consultationA0))).ShouldBe(1);
    }

    [Fact]
    public async Task A_clients_link_fetches_their_own_photo_but_not_another_clients_or_studios()
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var staff = app.CreateApiClient(aKey);

        var own = await anonymous.GetAsync($"/c/{tokenA0}/photos/{photoA0}");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        own.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await own.Content.ReadAsByteArrayAsync()).ShouldBe(await staff.GetByteArrayAsync($"/api/v1/photos/{photoA0}"));

        (await anonymous.GetAsync($"/c/{tokenA0}/photos/{photoA1}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another client of the same studio");
        (await anonymous.GetAsync($"/c/{tokenA0}/photos/{photoB0}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a client of another studio");
        (await anonymous.GetAsync($"/api/v1/photos/{photoA0}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the staff URL needs staff");
    }

    [Fact]
    public async Task An_unknown_or_expired_token_finds_nothing()
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var expired = await ExpiredLinkAsync(a.Clients[0].Id, consultationA0);

        (await anonymous.GetAsync($"/c/{expired}/photos/{photoA0}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/c/not-a-real-token/photos/{photoA0}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/c/{tokenA0[..^1]}/photos/{photoA0}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/c/{expired}"));
        page.ShouldContain("This link no longer works");
        page.ShouldNotContain(a.Clients[0].GivenName);
        page.ShouldNotContain("name=\"Input.Fitzpatrick\"");
    }

    [Fact]
    public async Task A_link_submits_the_intake_once_and_then_still_shows_the_clients_own_photo()
    {
        var consultation = await StartConsultationAsync(app, a.Id, a.Clients[1].Id);
        var token = await CreateLinkAsync(app, a.Id, consultation);
        var session = BrowserSession.Create(app);
        var form = await session.Client.GetStringAsync($"/c/{token}");
        WebUtility.HtmlDecode(form).ShouldContain($"Hello {a.Clients[1].GivenName}.");
        var antiforgery = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
            ["Input.Fitzpatrick"] = "4",
            ["Input.Undertone"] = "warm",
            ["Input.Medical.Diabetes"] = "true",
        };

        using (var first = new FormUrlEncodedContent(fields))
        {
            var response = await session.Client.PostAsync($"/c/{token}", first);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain($"Thank you, {a.Clients[1].GivenName}");
        }

        using (var second = new FormUrlEncodedContent(fields))
        {
            var again = await session.Client.PostAsync($"/c/{token}", second);
            WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()).ShouldContain("This link no longer works");
        }

        var intakes = await app.InStudioAsync(a.Id, db => db.Intakes.AsNoTracking().Where(i => i.ClientId == a.Clients[1].Id).ToListAsync());
        intakes.ShouldHaveSingleItem().Source.ShouldBe(IntakeSource.ClientLink);
        var saved = await app.InStudioAsync(a.Id, db => db.Consultations.AsNoTracking().SingleAsync(c => c.Id == consultation));
        saved.IntakeId.ShouldBe(intakes[0].Id);
        saved.ScreeningOutcome.ShouldBe("NeedsMedicalClearance");
        (await session.Client.GetAsync($"/c/{token}/photos/{photoA1}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A link whose seven days ran out yesterday; returns its token.</summary>
    private async Task<string> ExpiredLinkAsync(Guid clientId, Guid consultationId)
    {
        var token = "expired-" + Guid.NewGuid().ToString("N");
        var made = SystemClock.Instance.GetCurrentInstant() - Duration.FromDays(8);
        await app.InStudioAsync(a.Id, async db =>
        {
            db.ClientLinks.Add(ClientLink.Create(a.Id, clientId, consultationId, SHA256.HashData(Encoding.UTF8.GetBytes(token)), Duration.FromDays(7), null, made));
            return await db.SaveChangesAsync();
        });
        return token;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Colour;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary><c>/api/v1/pigments</c>: the catalogue, lots, validation naming the field, and who may write.</summary>
public sealed class PigmentApiTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private TestStudio studio = null!;
    private string key = "";

    public async Task InitializeAsync()
    {
        studio = await app.CreateStudioAsync("Pigments Api");
        key = await app.CreateApiKeyAsync(studio.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_get_list_and_update_a_pigment()
    {
        using var client = app.CreateApiClient(key);

        var created = await client.PostAsJsonAsync("/api/v1/pigments", new { manufacturer = " Inkwell ", product = "Midnight", kind = "smp", swatch = "#2E2A28", notes = "Base black" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var pigment = (await created.Content.ReadFromJsonAsync<JsonElement>());
        var id = pigment.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/pigments/{id}");
        pigment.GetProperty("manufacturer").GetString().ShouldBe("Inkwell");
        pigment.GetProperty("swatch").GetString().ShouldBe("#2e2a28");
        var lab = Lab.FromHex("#2e2a28");
        pigment.GetProperty("swatchLab").GetProperty("l").GetDouble().ShouldBe(lab.L, 1e-9);
        pigment.GetProperty("selectable").GetBoolean().ShouldBeTrue();

        var update = await client.PutAsJsonAsync($"/api/v1/pigments/{id}", new { manufacturer = "Inkwell", product = "Midnight Blue-Free", kind = "pmu", swatchLab = new { l = 18.5, a = 1.25, b = -2 } });
        update.StatusCode.ShouldBe(HttpStatusCode.OK, await update.Content.ReadAsStringAsync());

        var fetched = await client.GetFromJsonAsync<JsonElement>($"/api/v1/pigments/{id}");
        fetched.GetProperty("product").GetString().ShouldBe("Midnight Blue-Free");
        fetched.GetProperty("kind").GetString().ShouldBe("pmu");
        fetched.GetProperty("notes").ValueKind.ShouldBe(JsonValueKind.Null);
        var saved = await app.InStudioAsync(studio.Id, db => db.Pigments.AsNoTracking().SingleAsync(p => p.Id == id));
        saved.Swatch.ShouldBe(new Lab(18.5, 1.25, -2));
        saved.Kind.ShouldBe(PigmentKind.Pmu);

        var list = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/pigments?search=blue-free");
        list!.Select(p => p.GetProperty("id").GetGuid()).ShouldBe([id]);
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/pigments?search=nothing-like-this"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Saving_the_hex_it_shows_keeps_a_measured_lab_unrounded()
    {
        using var client = app.CreateApiClient(key);
        var id = await CreateAsync(client, "Keep Lab", swatchLab: new { l = 21.37, a = 2.11, b = 3.05 });
        var hex = new Lab(21.37, 2.11, 3.05).ToHex();

        var update = await client.PutAsJsonAsync($"/api/v1/pigments/{id}", new { manufacturer = "Test Co", product = "Keep Lab", kind = "smp", swatch = hex, notes = "renamed nothing" });

        update.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.InStudioAsync(studio.Id, db => db.Pigments.AsNoTracking().SingleAsync(p => p.Id == id))).Swatch.ShouldBe(new Lab(21.37, 2.11, 3.05));
    }

    [Theory]
    [InlineData("""{"manufacturer": "Test Co", "product": "Bad Hex", "kind": "smp", "swatch": "#12zz34"}""", "swatch", "#rrggbb")]
    [InlineData("""{"manufacturer": "Test Co", "product": "Bad Lab", "kind": "smp", "swatchLab": {"l": 120, "a": 0, "b": 0}}""", "swatchLab.l", "between 0 and 100")]
    [InlineData("""{"manufacturer": "Test Co", "product": "Bad Lab B", "kind": "smp", "swatchLab": {"l": 20, "a": 0, "b": -200}}""", "swatchLab.b", "between")]
    [InlineData("""{"manufacturer": "Test Co", "product": "Part Lab", "kind": "smp", "swatchLab": {"l": 20, "b": 1}}""", "swatchLab.a", "required")]
    [InlineData("""{"manufacturer": "Test Co", "product": "Both", "kind": "smp", "swatch": "#202020", "swatchLab": {"l": 20, "a": 0, "b": 0}}""", "swatch", "not both")]
    [InlineData("""{"manufacturer": "Test Co", "product": "Neither", "kind": "smp"}""", "swatch", "required")]
    [InlineData("""{"manufacturer": "Test Co", "product": "Odd Kind", "kind": "watercolour", "swatch": "#202020"}""", "kind", "smp, pmu or tattoo-ink")]
    [InlineData("""{"manufacturer": "", "product": "No Maker", "kind": "smp", "swatch": "#202020"}""", "manufacturer", "required")]
    [InlineData("""{"manufacturer": "Test Co", "product": "Lot Without Expiry", "kind": "smp", "swatch": "#202020", "lots": [{"lotNumber": "A1", "expiresOn": "2030-01-01"}, {"lotNumber": "A2"}]}""", "lots[1].expiresOn", "required")]
    [InlineData("""{"manufacturer": "Test Co", "product": "Lot Bad Date", "kind": "smp", "swatch": "#202020", "lots": [{"lotNumber": "A1", "expiresOn": "31/01/2030"}]}""", "lots[0].expiresOn", "yyyy-mm-dd")]
    [InlineData("""{"manufacturer": "Test Co", "product": "Lot Twice", "kind": "smp", "swatch": "#202020", "lots": [{"lotNumber": "A1", "expiresOn": "2030-01-01"}, {"lotNumber": "A1", "expiresOn": "2031-01-01"}]}""", "lots[1].lotNumber", "twice")]
    public async Task A_bad_pigment_is_a_problem_naming_the_field_and_nothing_is_saved(string json, string field, string message)
    {
        using var client = app.CreateApiClient(key);
        var before = await app.InStudioAsync(studio.Id, db => db.Pigments.CountAsync());
        var lotsBefore = await app.InStudioAsync(studio.Id, db => db.PigmentLots.CountAsync());

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/v1/pigments", content);

        var errors = await ProblemAsync(response);
        errors.Keys.ShouldContain(field);
        errors[field].ShouldContain(m => m.Contains(message, StringComparison.Ordinal), $"{field}: {string.Join(" | ", errors[field])}");
        (await app.InStudioAsync(studio.Id, db => db.Pigments.CountAsync())).ShouldBe(before);
        (await app.InStudioAsync(studio.Id, db => db.PigmentLots.CountAsync())).ShouldBe(lotsBefore);
    }

    [Fact]
    public async Task The_same_product_twice_is_refused_whatever_the_case()
    {
        using var client = app.CreateApiClient(key);
        var first = await CreateAsync(client, "Twin Shade");

        var again = await client.PostAsJsonAsync("/api/v1/pigments", new { manufacturer = "TEST CO", product = "twin shade", kind = "smp", swatch = "#333333" });
        (await ProblemAsync(again))["product"][0].ShouldContain("already in the catalogue");

        var other = await CreateAsync(client, "Twin Shade Two");
        var rename = await client.PutAsJsonAsync($"/api/v1/pigments/{other}", new { manufacturer = "Test Co", product = "Twin Shade", kind = "smp", swatch = "#333333" });
        (await ProblemAsync(rename)).Keys.ShouldBe(["product"]);
        (await app.InStudioAsync(studio.Id, db => db.Pigments.CountAsync(p => p.Id == first || p.Id == other))).ShouldBe(2);
    }

    [Fact]
    public async Task Archive_hides_a_pigment_from_the_list_until_it_is_brought_back()
    {
        using var client = app.CreateApiClient(key);
        var id = await CreateAsync(client, "Retired Shade");

        var archived = await client.PostAsync($"/api/v1/pigments/{id}/archive", null);
        archived.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await archived.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("selectable").GetBoolean().ShouldBeFalse();
        (await ListIdsAsync(client, "")).ShouldNotContain(id);
        (await ListIdsAsync(client, "?includeArchived=true")).ShouldContain(id);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/pigments/{id}")).GetProperty("archived").GetBoolean().ShouldBeTrue();

        (await client.PostAsync($"/api/v1/pigments/{id}/unarchive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ListIdsAsync(client, "")).ShouldContain(id);
        (await client.PostAsync($"/api/v1/pigments/{Guid.NewGuid()}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Lots_are_added_corrected_and_deleted_and_expiry_is_the_studios_today()
    {
        using var client = app.CreateApiClient(key);
        var id = await CreateAsync(client, "Lotted Shade");
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;

        var added = await client.PostAsJsonAsync($"/api/v1/pigments/{id}/lots", new
        {
            lotNumber = "24-118",
            expiresOn = Iso(today.PlusDays(-1)),
            receivedOn = Iso(today.PlusDays(-200)),
            reachLabelled = true,
            ingredients = "Aqua, CI 77266",
            phRegulator = true,
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var lot = await added.Content.ReadFromJsonAsync<JsonElement>();
        var lotId = lot.GetProperty("id").GetGuid();
        added.Headers.Location!.ToString().ShouldBe($"/api/v1/pigments/{id}/lots/{lotId}");
        lot.GetProperty("expired").GetBoolean().ShouldBeTrue();
        lot.GetProperty("expiresOn").GetString().ShouldBe(Iso(today.PlusDays(-1)));

        var fresh = await client.PostAsJsonAsync($"/api/v1/pigments/{id}/lots", new { lotNumber = "25-001", expiresOn = Iso(today.PlusDays(1)) });
        fresh.StatusCode.ShouldBe(HttpStatusCode.Created);

        var pigment = await client.GetFromJsonAsync<JsonElement>($"/api/v1/pigments/{id}");
        pigment.GetProperty("lotsInDate").GetInt32().ShouldBe(1);
        pigment.GetProperty("nextExpiry").GetString().ShouldBe(Iso(today.PlusDays(1)));
        pigment.GetProperty("lots").EnumerateArray().Select(l => l.GetProperty("lotNumber").GetString()).ShouldBe(["24-118", "25-001"]);

        var corrected = await client.PutAsJsonAsync($"/api/v1/pigments/{id}/lots/{lotId}", new { lotNumber = "24-118", expiresOn = Iso(today.PlusYears(1)), containsNickel = true });
        corrected.StatusCode.ShouldBe(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
        var saved = await app.InStudioAsync(studio.Id, db => db.PigmentLots.AsNoTracking().SingleAsync(l => l.Id == lotId));
        saved.ExpiresOn.ShouldBe(today.PlusYears(1));
        saved.ContainsNickel.ShouldBeTrue();
        saved.ReachLabelled.ShouldBeFalse();
        saved.Ingredients.ShouldBeNull();

        (await client.DeleteAsync($"/api/v1/pigments/{id}/lots/{lotId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.InStudioAsync(studio.Id, db => db.PigmentLots.CountAsync(l => l.PigmentId == id))).ShouldBe(1);
        (await client.DeleteAsync($"/api/v1/pigments/{id}/lots/{lotId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_lots_are_problems_naming_the_field()
    {
        using var client = app.CreateApiClient(key);
        var id = await CreateAsync(client, "Picky Lots");
        (await client.PostAsJsonAsync($"/api/v1/pigments/{id}/lots", new { lotNumber = "L-1", expiresOn = "2031-05-01" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/pigments/{id}/lots", new { lotNumber = "L-2" })))["expiresOn"][0].ShouldBe("Expires on is required.");
        (await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/pigments/{id}/lots", new { lotNumber = "L-1", expiresOn = "2032-01-01" })))["lotNumber"][0].ShouldContain("already recorded");
        (await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/pigments/{id}/lots", new { lotNumber = "L-3", expiresOn = "2030-01-01", receivedOn = "2030-02-01" }))).Keys.ShouldBe(["receivedOn"]);
        (await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/pigments/{id}/lots", new { lotNumber = "L-4", expiresOn = "2150-01-01", receivedOn = "2100-01-01" })))["receivedOn"][0].ShouldContain("future");
        (await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/pigments/{id}/lots", new { lotNumber = "L-5", expiresOn = "2999-01-01" })))["expiresOn"][0].ShouldBe("Expires on must be between 1900 and 2200.");
        (await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/pigments/{id}/lots", new { lotNumber = new string('x', 61), expiresOn = "2032-01-01" }))).Keys.ShouldBe(["lotNumber"]);
        (await client.PostAsJsonAsync($"/api/v1/pigments/{Guid.NewGuid()}/lots", new { lotNumber = "L-5", expiresOn = "2032-01-01" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.InStudioAsync(studio.Id, db => db.PigmentLots.CountAsync(l => l.PigmentId == id))).ShouldBe(1);
    }

    [Fact]
    public async Task A_pigment_can_be_created_with_its_first_lots()
    {
        using var client = app.CreateApiClient(key);

        var response = await client.PostAsJsonAsync("/api/v1/pigments", new
        {
            manufacturer = "Test Co",
            product = "With Lots",
            kind = "tattoo-ink",
            swatch = "#1f1f24",
            lots = new[] { new { lotNumber = "T-1", expiresOn = "2031-01-01" }, new { lotNumber = "T-2", expiresOn = "2030-01-01" } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var pigment = await response.Content.ReadFromJsonAsync<JsonElement>();
        pigment.GetProperty("selectable").GetBoolean().ShouldBeFalse("tattoo ink is never selectable");
        pigment.GetProperty("lots").EnumerateArray().Select(l => l.GetProperty("lotNumber").GetString()).ShouldBe(["T-2", "T-1"]);
    }

    [Fact]
    public async Task A_lot_named_by_a_colour_record_cannot_be_deleted()
    {
        using var client = app.CreateApiClient(key);
        var id = await CreateAsync(client, "Traced Shade");
        var lot = await (await client.PostAsJsonAsync($"/api/v1/pigments/{id}/lots", new { lotNumber = "TR-7", expiresOn = "2031-01-01" })).Content.ReadFromJsonAsync<JsonElement>();
        var lotId = lot.GetProperty("id").GetGuid();
        await PigmentTestData.AddColourRecordAsync(app, studio.Id, id, lotId, studio.Clients[0].Id);

        var response = await client.DeleteAsync($"/api/v1/pigments/{id}/lots/{lotId}");

        (await ProblemAsync(response))["lot"][0].ShouldBe("Lot TR-7 cannot be deleted: 1 colour record names it, and they must keep their trace.");
        (await app.InStudioAsync(studio.Id, db => db.PigmentLots.CountAsync(l => l.Id == lotId))).ShouldBe(1);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/pigments/{id}/lots/{lotId}")).GetProperty("colourRecords").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Erasing_a_client_keeps_their_colour_record_for_calibration_without_the_link()
    {
        using var client = app.CreateApiClient(key);
        var id = await CreateAsync(client, "Erasure Shade");
        var person = await (await client.PostAsJsonAsync("/api/v1/clients", new { givenName = "Erin", familyName = "Erased", dateOfBirth = StippleAppFactory.AdultDateOfBirth })).Content.ReadFromJsonAsync<JsonElement>();
        var personId = person.GetProperty("id").GetGuid();
        var recordId = await PigmentTestData.AddColourRecordAsync(app, studio.Id, id, null, personId);

        (await client.DeleteAsync($"/api/v1/clients/{personId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var record = await app.InStudioAsync(studio.Id, db => db.ColourRecords.AsNoTracking().SingleAsync(r => r.Id == recordId));
        record.ClientId.ShouldBeNull();
        record.Healed.ShouldBe(new Lab(40, 3, 4));
    }

    [Fact]
    public async Task Front_desk_reads_pigments_but_cannot_write_while_a_practitioner_can()
    {
        using var client = app.CreateApiClient(key);
        var id = await CreateAsync(client, "Desk Shade");
        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        var deskToken = await desk.TokenAsync("/Accounts/Security");

        (await desk.Client.GetAsync($"/api/v1/pigments/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(desk, deskToken, HttpMethod.Post, "/api/v1/pigments", new { manufacturer = "Desk", product = "Sneaky", kind = "smp", swatch = "#202020" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(desk, deskToken, HttpMethod.Post, $"/api/v1/pigments/{id}/archive", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(desk, deskToken, HttpMethod.Post, $"/api/v1/pigments/{id}/lots", new { lotNumber = "D-1", expiresOn = "2031-01-01" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.InStudioAsync(studio.Id, db => db.Pigments.CountAsync(p => p.Manufacturer == "Desk"))).ShouldBe(0);
        (await app.InStudioAsync(studio.Id, db => db.PigmentLots.CountAsync(l => l.PigmentId == id))).ShouldBe(0);

        var practitioner = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        var token = await practitioner.TokenAsync("/Accounts/Security");
        (await SendAsync(practitioner, token, HttpMethod.Post, $"/api/v1/pigments/{id}/lots", new { lotNumber = "P-1", expiresOn = "2031-01-01" })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Dilution_ratios_are_saved_normalised_darkest_first()
    {
        using var client = app.CreateApiClient(key);
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/studio")).GetProperty("dilutionRatios").GetString().ShouldBe("1:0, 3:1, 1:1, 1:2, 1:3");

        var response = await client.PutAsJsonAsync("/api/v1/studio", new { name = studio.Name, timeZone = "Europe/London", currency = "GBP", locale = "en-GB", dilutionRatios = "1:4 1:1;1:0 ,  2:1" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dilutionRatios").GetString().ShouldBe("1:0, 2:1, 1:1, 1:4");
        (await app.InStudioAsync(studio.Id, db => db.Studios.AsNoTracking().SingleAsync())).Dilutions.ShouldBe([new Dilution(1, 0), new Dilution(2, 1), new Dilution(1, 1), new Dilution(1, 4)]);

        var kept = await client.PutAsJsonAsync("/api/v1/studio", new { name = studio.Name, timeZone = "Europe/London", currency = "GBP", locale = "en-GB" });
        (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dilutionRatios").GetString().ShouldBe("1:0, 2:1, 1:1, 1:4");
    }

    [Theory]
    [InlineData("1:0, 0:2", "The 2nd ratio 0:2 needs at least one part pigment")]
    [InlineData("1:0, 3:1, water", "The 3rd ratio water must be written pigment:water")]
    [InlineData("1:1, 2:2", "2:2 is the same strength as 1:1")]
    [InlineData("", "The list of ratios needs at least one ratio")]
    public async Task Bad_dilution_ratios_are_a_problem_naming_the_field_and_the_item(string ratios, string message)
    {
        var own = await app.CreateStudioAsync("Dilution Bad");
        using var client = app.CreateApiClient(await app.CreateApiKeyAsync(own.Id));

        var response = await client.PutAsJsonAsync("/api/v1/studio", new { name = "Dilution Changed", timeZone = "Europe/London", currency = "GBP", locale = "en-GB", dilutionRatios = ratios });

        var errors = await ProblemAsync(response);
        errors.Keys.ShouldBe(["dilutionRatios"]);
        errors["dilutionRatios"][0].ShouldContain(message);
        var saved = await app.InStudioAsync(own.Id, db => db.Studios.AsNoTracking().SingleAsync());
        saved.Name.ShouldBe("Dilution Bad");
        saved.DilutionRatios.ShouldBe("1:0, 3:1, 1:1, 1:2, 1:3");
    }

    [Fact]
    public async Task OpenApi_describes_the_pigment_endpoints_with_dates_as_iso_strings()
    {
        using var client = app.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        paths.GetProperty("/api/v1/pigments").GetProperty("post").GetProperty("tags")[0].GetString().ShouldBe("Pigments");
        paths.GetProperty("/api/v1/pigments/{id}/lots/{lotId}").TryGetProperty("delete", out _).ShouldBeTrue();
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("PigmentLotDto").GetProperty("properties").GetProperty("expiresOn").GetProperty("$ref").GetString().ShouldBe("#/components/schemas/LocalDate");
        schemas.GetProperty("LocalDate").GetProperty("type").GetString().ShouldBe("string");
        schemas.GetProperty("LocalDate").GetProperty("format").GetString().ShouldBe("date");
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string product, object? swatchLab = null)
    {
        var response = swatchLab is null
            ? await client.PostAsJsonAsync("/api/v1/pigments", new { manufacturer = "Test Co", product, kind = "smp", swatch = "#2e2a28" })
            : await client.PostAsJsonAsync("/api/v1/pigments", new { manufacturer = "Test Co", product, kind = "smp", swatchLab });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<List<Guid>> ListIdsAsync(HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/pigments{query}"))!.Select(p => p.GetProperty("id").GetGuid())];

    private static async Task<HttpResponseMessage> SendAsync(BrowserSession session, string token, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", token);
        return await session.Client.SendAsync(request);
    }

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    internal static async Task<Dictionary<string, string[]>> ProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }
}

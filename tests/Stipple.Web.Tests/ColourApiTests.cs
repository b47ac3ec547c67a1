using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Stipple.Core.Colour;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>
/// Pigment matching through <c>/api/v1/colour</c>: measuring a region, ranking the studio's catalogue, recording healed
/// results and the calibration they drive, with errors that name the field, and one studio never seeing another's.
/// </summary>
public sealed class ColourApiTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private static readonly AppearanceParameters Truth = AppearanceParameters.Default.WithHealed(0.8, 0.3, 0.5);

    private TestStudio studio = null!;
    private HttpClient client = null!;
    private readonly Dictionary<string, Guid> pigments = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        studio = await app.CreateStudioAsync("Colour");
        client = app.CreateApiClient(await app.CreateApiKeyAsync(studio.Id));
        foreach (var (product, kind, hex) in new[] { ("Carbon Black", "smp", "#141414"), ("Espresso", "smp", "#2a211d"), ("Warm Brown", "smp", "#3b2a20"), ("Tattoo Black", "tattoo-ink", "#0a0a10") })
        {
            var created = await client.PostAsJsonAsync("/api/v1/pigments", new { manufacturer = "Test Co", product, kind, swatch = hex });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            pigments[product] = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Matching_ranks_every_smp_pigment_at_every_studio_ratio_best_first_without_tattoo_ink()
    {
        var response = await client.PostAsJsonAsync("/api/v1/colour/match", new { hair = new { hex = "#2b2420" }, skin = new { fitzpatrick = 2, undertone = "warm" }, top = 50 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("ranked").GetInt32().ShouldBe(3 * 5);
        var recommendations = body.GetProperty("recommendations").EnumerateArray().ToList();
        recommendations.Count.ShouldBe(15);
        recommendations.Select(r => r.GetProperty("deltaE").GetDouble()).ShouldBeInOrder(SortDirection.Ascending);
        recommendations.ShouldAllBe(r => r.GetProperty("pigment").GetString() != "Test Co Tattoo Black");
        body.GetProperty("dilutions").EnumerateArray().Select(d => d.GetString()).ShouldBe(["1:0", "3:1", "1:1", "1:2", "1:3"]);
        body.GetProperty("targetSource").GetString().ShouldBe("stubble");
        body.GetProperty("model").GetProperty("source").GetString().ShouldBe("default");
        body.GetProperty("note").GetString()!.ShouldContain("estimates");

        var skin = ManualColours.SkinFor(2, Undertone.Warm);
        var target = AppearanceModel.Stubble(Lab.FromHex("#2b2420"), skin, AppearanceParameters.Default);
        body.GetProperty("target").GetProperty("hex").GetString().ShouldBe(target.ToHex());
        foreach (var r in recommendations)
        {
            var mix = r.GetProperty("dilution").GetString()!;
            var lighter = Parse(mix).OneStepLighter(Dilution.Defaults).ToString();
            r.GetProperty("sessionOne").GetProperty("dilution").GetString().ShouldBe(lighter);
            Lab.FromHex(r.GetProperty("sessionOne").GetProperty("healed").GetProperty("hex").GetString()!).L
                .ShouldBeGreaterThan(Lab.FromHex(r.GetProperty("healed").GetProperty("hex").GetString()!).L - 0.5);
        }
    }

    [Fact]
    public async Task A_target_made_by_one_pigment_and_dilution_ranks_that_pair_first_with_delta_e_zero()
    {
        var skin = new Lab(62, 11, 17);
        var target = AppearanceModel.Healed(Lab.FromHex("#3b2a20"), new Dilution(1, 2), skin, AppearanceParameters.Default);

        var response = await client.PostAsJsonAsync("/api/v1/colour/match", new
        {
            target = new { lab = new { l = target.L, a = target.A, b = target.B } },
            skin = new { lab = new { l = skin.L, a = skin.A, b = skin.B } },
            top = 1,
        });

        var best = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recommendations")[0];
        best.GetProperty("pigmentId").GetGuid().ShouldBe(pigments["Warm Brown"]);
        best.GetProperty("dilution").GetString().ShouldBe("1:2");
        best.GetProperty("deltaE").GetDouble().ShouldBe(0, 0.005);
    }

    [Fact]
    public async Task Given_ratios_replace_the_studio_ratios_and_bad_ones_name_the_field()
    {
        var ok = await client.PostAsJsonAsync("/api/v1/colour/match", new { hair = new { level = 3 }, skin = new { hex = "#c49f87" }, dilutions = "1:4, 1:1" });
        (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dilutions").EnumerateArray().Select(d => d.GetString()).ShouldBe(["1:1", "1:4"]);

        var bad = await client.PostAsJsonAsync("/api/v1/colour/match", new { hair = new { level = 3 }, skin = new { hex = "#c49f87" }, dilutions = "1:0, 0:3" });
        (await ProblemFieldsAsync(bad)).ShouldBe(["dilutions"]);
    }

    public static TheoryData<string, string> BadMatches => new()
    {
        { """{ "hair": { "hex": "#12" }, "skin": { "hex": "#c49f87" } }""", "hair.hex" },
        { """{ "hair": { "hex": "#2b2420" }, "skin": { "lab": { "l": 120, "a": 0, "b": 0 } } }""", "skin.lab.l" },
        { """{ "hair": { "hex": "#2b2420" }, "skin": { "lab": { "l": 50, "a": 0 } } }""", "skin.lab" },
        { """{ "hair": { "level": 11 }, "skin": { "hex": "#c49f87" } }""", "hair.level" },
        { """{ "hair": { "hex": "#2b2420" }, "skin": { "fitzpatrick": 7 } }""", "skin.fitzpatrick" },
        { """{ "hair": { "hex": "#2b2420" }, "skin": { "fitzpatrick": 3, "undertone": "olive" } }""", "skin.undertone" },
        { """{ "hair": { "hex": "#2b2420", "level": 2 }, "skin": { "hex": "#c49f87" } }""", "hair" },
        { """{ "hair": { "hex": "#2b2420" } }""", "skin" },
        { """{ "skin": { "hex": "#c49f87" } }""", "hair" },
        { """{ "hair": { "fitzpatrick": 2 }, "skin": { "hex": "#c49f87" } }""", "hair.fitzpatrick" },
        { """{ "hair": { "hex": "#2b2420" }, "skin": { "hex": "#c49f87" }, "top": 0 }""", "top" },
        { """{ "target": { "hex": "nope" }, "skin": { "hex": "#c49f87" } }""", "target.hex" },
        { """{ "hair": { "hex": "#2b2420" }, "skin": { "hex": 12 } }""", "skin.hex" },
    };

    [Theory]
    [MemberData(nameof(BadMatches))]
    public async Task Bad_match_input_is_a_400_naming_the_field(string json, string field)
    {
        var response = await client.PostAsync("/api/v1/colour/match", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await ProblemFieldsAsync(response)).ShouldContain(field);
    }

    [Fact]
    public async Task An_empty_catalogue_or_one_of_tattoo_ink_alone_is_an_error_on_pigments()
    {
        var empty = await app.CreateStudioAsync("Colour empty");
        using var emptyClient = app.CreateApiClient(await app.CreateApiKeyAsync(empty.Id));
        var match = new { hair = new { hex = "#2b2420" }, skin = new { hex = "#c49f87" } };

        var none = await emptyClient.PostAsJsonAsync("/api/v1/colour/match", match);
        none.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemFieldsAsync(none)).ShouldBe(["pigments"]);

        await PigmentTestData.AddPigmentAsync(app, empty.Id, "Only Ink", PigmentKind.TattooInk);
        (await ProblemFieldsAsync(await emptyClient.PostAsJsonAsync("/api/v1/colour/match", match))).ShouldBe(["pigments"]);
    }

    [Fact]
    public async Task Measuring_a_region_gives_its_median_colour_without_highlights()
    {
        var pixels = new List<byte>();
        for (var i = 0; i < 400; i++)
        {
            pixels.AddRange(i % 10 == 0 ? [255, 255, 255] : [0x5a, 0x46, 0x3c]);
        }

        var response = await client.PostAsJsonAsync("/api/v1/colour/measure", new { pixels = Convert.ToBase64String(pixels.ToArray()) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("colour").GetProperty("hex").GetString().ShouldBe("#5a463c");
        body.GetProperty("droppedBright").GetInt32().ShouldBeGreaterThanOrEqualTo(40);
    }

    [Fact]
    public async Task A_region_over_the_pixel_limit_is_refused_before_it_is_decoded()
    {
        var pixels = new string('A', (ColourMeasurement.MaxPixels * 4) + 8);
        var response = await client.PostAsJsonAsync("/api/v1/colour/measure", new { pixels });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemFieldsAsync(response)).ShouldBe(["pixels"]);
    }

    [Fact]
    public async Task A_null_lot_in_a_new_pigment_is_a_400_naming_it()
    {
        var response = await client.PostAsync("/api/v1/pigments", new StringContent(
            """{ "manufacturer": "Null Co", "product": "Lotless", "kind": "smp", "swatch": "#111111", "lots": [null] }""",
            System.Text.Encoding.UTF8,
            "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemFieldsAsync(response)).ShouldBe(["lots[0]"]);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public async Task Bad_pixels_are_a_400_on_pixels(string pixels)
    {
        var response = await client.PostAsJsonAsync("/api/v1/colour/measure", new { pixels });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemFieldsAsync(response)).ShouldBe(["pixels"]);
    }

    [Fact]
    public async Task From_five_healed_results_matching_uses_a_refit_that_predicts_held_out_results_better()
    {
        var calibrating = await app.CreateStudioAsync("Colour calibration");
        using var api = app.CreateApiClient(await app.CreateApiKeyAsync(calibrating.Id));
        var ids = new List<Guid>();
        foreach (var (product, hex) in new[] { ("Black", "#141414"), ("Brown", "#3b2a20"), ("Grey", "#3a3a3e") })
        {
            var created = await api.PostAsJsonAsync("/api/v1/pigments", new { manufacturer = "Cal Co", product, kind = "smp", swatch = hex });
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        string[] swatches = ["#141414", "#3b2a20", "#3a3a3e"];
        for (var i = 0; i < 8; i++)
        {
            var dilution = Dilution.Defaults[(i * 2) % 5];
            var skin = ManualColours.SkinFor((i % 6) + 1, Undertone.Neutral);
            var healed = AppearanceModel.Healed(Lab.FromHex(swatches[i % 3]), dilution, skin, Truth);
            var saved = await api.PostAsJsonAsync("/api/v1/colour/records", new
            {
                pigmentId = ids[i % 3],
                dilution = dilution.ToString(),
                skin = new { lab = new { l = skin.L, a = skin.A, b = skin.B } },
                healed = new { lab = new { l = healed.L, a = healed.A, b = healed.B } },
                sessionOn = "2026-01-10",
            });
            saved.StatusCode.ShouldBe(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());

            var model = await api.GetFromJsonAsync<JsonElement>("/api/v1/colour/model");
            model.GetProperty("recordCount").GetInt32().ShouldBe(i + 1);
            model.GetProperty("source").GetString().ShouldBe(i + 1 >= 5 ? "studio" : "default");
        }

        var fitted = await api.GetFromJsonAsync<JsonElement>("/api/v1/colour/model");
        fitted.GetProperty("healedStrength").GetDouble().ShouldBe(0.8, 0.02);
        fitted.GetProperty("heldOutErrorFitted").GetDouble().ShouldBeLessThan(fitted.GetProperty("heldOutErrorDefault").GetDouble() / 4);

        var records = await api.GetFromJsonAsync<JsonElement>("/api/v1/colour/records");
        records.GetArrayLength().ShouldBe(8);
        records.EnumerateArray().ShouldAllBe(r => r.GetProperty("deltaE").GetDouble() < 0.5);

        var match = await api.PostAsJsonAsync("/api/v1/colour/match", new { hair = new { level = 2 }, skin = new { fitzpatrick = 3 } });
        (await match.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("model").GetProperty("source").GetString().ShouldBe("studio");

        // Deleting results refits too: back under five, matching returns to the defaults.
        foreach (var record in records.EnumerateArray().Take(4))
        {
            (await api.DeleteAsync($"/api/v1/colour/records/{record.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var after = await api.GetFromJsonAsync<JsonElement>("/api/v1/colour/model");
        after.GetProperty("source").GetString().ShouldBe("default");
        after.GetProperty("healedStrength").GetDouble().ShouldBe(AppearanceParameters.Default.HealedStrength);
    }

    [Fact]
    public async Task A_healed_result_cannot_name_an_expired_lot_tattoo_ink_or_a_future_session()
    {
        var today = new LocalDate(2026, 3, 1);
        var (pigment, lots) = await PigmentTestData.AddPigmentAsync(app, studio.Id, "Lot Check", PigmentKind.Smp, ("OLD-1", today.PlusDays(-1)), ("EDGE-1", today));
        object Record(object? lotId, string sessionOn, Guid? pigmentId = null, string dilution = "1:2") => new
        {
            pigmentId = pigmentId ?? pigment,
            lotId,
            dilution,
            skin = new { hex = "#c49f87" },
            healed = new { hex = "#6b5a50" },
            sessionOn,
        };

        var expired = await client.PostAsJsonAsync("/api/v1/colour/records", Record(lots[0], "2026-03-01"));
        expired.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await expired.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("lotId")[0].GetString()!.ShouldContain("OLD-1 expired");

        (await client.PostAsJsonAsync("/api/v1/colour/records", Record(lots[1], "2026-03-01"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ProblemFieldsAsync(await client.PostAsJsonAsync("/api/v1/colour/records", Record(null, "2026-03-01", pigments["Tattoo Black"])))).ShouldBe(["pigmentId"]);
        (await ProblemFieldsAsync(await client.PostAsJsonAsync("/api/v1/colour/records", Record(null, "2999-01-01")))).ShouldBe(["sessionOn"]);
        (await ProblemFieldsAsync(await client.PostAsJsonAsync("/api/v1/colour/records", Record(null, "2026-03-01", dilution: "0:2")))).ShouldBe(["dilution"]);
        (await ProblemFieldsAsync(await client.PostAsJsonAsync("/api/v1/colour/records", Record(null, "1 March")))).ShouldBe(["sessionOn"]);
    }

    [Fact]
    public async Task Another_studio_sees_none_of_this_studios_results_and_cannot_delete_them()
    {
        var saved = await client.PostAsJsonAsync("/api/v1/colour/records", new
        {
            pigmentId = pigments["Espresso"],
            dilution = "1:1",
            skin = new { hex = "#c49f87" },
            healed = new { hex = "#6b5a50" },
            sessionOn = "2026-02-02",
        });
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var other = await app.CreateStudioAsync("Colour other");
        using var otherClient = app.CreateApiClient(await app.CreateApiKeyAsync(other.Id));

        (await otherClient.GetFromJsonAsync<JsonElement>("/api/v1/colour/records")).GetArrayLength().ShouldBe(0);
        (await otherClient.DeleteAsync($"/api/v1/colour/records/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherClient.PostAsJsonAsync("/api/v1/colour/records", new
        {
            pigmentId = pigments["Espresso"],
            dilution = "1:1",
            skin = new { hex = "#c49f87" },
            healed = new { hex = "#6b5a50" },
            sessionOn = "2026-02-02",
        })).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "another studio's pigment is not one of this studio's");
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/colour/records")).EnumerateArray().ShouldContain(r => r.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Front_desk_may_match_but_not_record_healed_results()
    {
        var session = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        var page = await session.Client.GetAsync("/Pigments/Match?Go=true&HairFrom=level&HairLevel=2&SkinFrom=type&Fitzpatrick=3");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"match-table\"");

        var response = await session.PostFormAsync("/Pigments/Calibration", "/Pigments/Calibration", new()
        {
            ["Input.PigmentId"] = pigments["Espresso"].ToString(),
            ["Input.Dilution"] = "1:1",
            ["Input.SkinHex"] = "#c49f87",
            ["Input.HealedHex"] = "#6b5a50",
            ["Input.SessionOn"] = "2026-02-02",
        });
        var refused = response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Accounts/Denied", StringComparison.Ordinal));
        refused.ShouldBeTrue($"expected 403 or a redirect to Denied, got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task The_calibration_form_keeps_what_was_typed_and_names_the_bad_field()
    {
        var session = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        var response = await session.PostFormAsync("/Pigments/Calibration", "/Pigments/Calibration", new()
        {
            ["Input.PigmentId"] = pigments["Espresso"].ToString(),
            ["Input.Dilution"] = "1:2",
            ["Input.SkinHex"] = "#c49f8",
            ["Input.HealedHex"] = "#6b5a50",
            ["Input.SessionOn"] = "2026-02-02",
            ["Input.Note"] = "crown, week 5",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Skin colour must be written #rrggbb");
        html.ShouldContain("value=\"#c49f8\"");
        html.ShouldContain("value=\"#6b5a50\"");
        html.ShouldContain("crown, week 5");
    }

    private static Dilution Parse(string text) => Dilution.TryParse(text, out var dilution, out _) ? dilution : throw new FormatException(text);

    private static async Task<List<string>> ProblemFieldsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(e => e.Name)] : [];
    }
}

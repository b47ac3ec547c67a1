using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Stipple.Core.Design;
using Stipple.Data.Tenancy;
using Stipple.Web.Features.DesignStudio;
using Stipple.Web.Tests.Infrastructure;
using static Stipple.Web.Tests.Infrastructure.CareTestData;

namespace Stipple.Web.Tests;

/// <summary>
/// <c>/api/v1/consultations/{id}/designs</c> against the real app and database: saved versions keep the canonical
/// document and the engine's figures, are numbered per consultation and never change; approvals supersede; front desk
/// reads only; another studio finds nothing, through the API, the cookie or a raw connection.
/// </summary>
public sealed class DesignVersionTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private static readonly DesignDocument Template = DesignTemplates.Create(TemplateKind.MaleMature);

    private static readonly Lazy<StippleResult> Stippled = new(() => Stippler.Stipple(Template));

    private TestStudio studio = null!;
    private TestStudio other = null!;
    private string key = "";
    private string otherKey = "";

    public async Task InitializeAsync()
    {
        studio = await app.CreateStudioAsync("Designs");
        other = await app.CreateStudioAsync("Other Designs");
        key = await app.CreateApiKeyAsync(studio.Id);
        otherKey = await app.CreateApiKeyAsync(other.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The template as compact JSON: valid, but not the canonical (indented) form the app stores.</summary>
    private static string CompactDesign => JsonNode.Parse(DesignJson.Serialize(Template))!.ToJsonString();

    [Fact]
    public async Task A_saved_design_round_trips_as_its_canonical_document_with_the_engines_figures()
    {
        var consultation = await StartConsultationAsync(app, studio.Id, studio.Clients[0].Id);
        var practitioner = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        var token = await practitioner.TokenAsync($"/Consultations/{consultation}");

        var saved = await SendAsync(practitioner, token, HttpMethod.Post, $"/api/v1/consultations/{consultation}/designs", Body("First draft, 80 mm", CompactDesign));

        saved.StatusCode.ShouldBe(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        saved.Headers.Location!.ToString().ShouldBe($"/api/v1/consultations/{consultation}/designs/1");
        var created = await saved.Content.ReadFromJsonAsync<JsonElement>();
        created.GetProperty("number").GetInt32().ShouldBe(1);
        created.GetProperty("note").GetString().ShouldBe("First draft, 80 mm");
        created.GetProperty("authorName").GetString().ShouldBe(studio.Practitioner.DisplayName);
        created.GetProperty("totalDots").GetInt32().ShouldBe(Stippled.Value.DotCount);
        created.GetProperty("midFrontalPointMm").GetDouble().ShouldBe(Stippled.Value.MidFrontalPointMm);
        created.GetProperty("approved").GetBoolean().ShouldBeFalse();
        created.GetProperty("createdAt").GetString()!.ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$");
        Canonical(created.GetProperty("design")).ShouldBe(DesignJson.Serialize(Template));
        // The design travels in its own format: kebab-case values and [x, y] points, as the render endpoint takes it.
        created.GetProperty("design").GetProperty("zones")[0].GetProperty("kind").GetString().ShouldBe("frontal");

        var stored = await app.InStudioAsync(studio.Id, db => db.DesignVersions.AsNoTracking().SingleAsync(v => v.ConsultationId == consultation));
        Canonical(stored.DocumentJson).ShouldBe(DesignJson.Serialize(Template));
        stored.TotalDots.ShouldBe(Stippled.Value.DotCount);
        stored.CreatedBy.ShouldBe(studio.Practitioner.Id);

        var list = await practitioner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{consultation}/designs");
        list.GetProperty("approval").ValueKind.ShouldBe(JsonValueKind.Null);
        var row = list.GetProperty("versions").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("number").GetInt32().ShouldBe(1);
        row.GetProperty("authorName").GetString().ShouldBe(studio.Practitioner.DisplayName);
        row.GetProperty("totalDots").GetInt32().ShouldBe(Stippled.Value.DotCount);
        row.GetProperty("createdAt").GetString().ShouldBe(created.GetProperty("createdAt").GetString());
        row.TryGetProperty("design", out _).ShouldBeFalse("lists leave the documents out");

        var got = await practitioner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{consultation}/designs/1");
        got.GetProperty("note").GetString().ShouldBe("First draft, 80 mm");
        Canonical(got.GetProperty("design")).ShouldBe(DesignJson.Serialize(Template));
        (await practitioner.Client.GetAsync($"/api/v1/consultations/{consultation}/designs/2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bad_design_or_note_is_a_problem_keyed_by_its_path_and_nothing_is_stored()
    {
        var consultation = await StartConsultationAsync(app, studio.Id, studio.Clients[0].Id);
        using var api = app.CreateApiClient(key);
        var design = JsonNode.Parse(CompactDesign)!;
        design["zones"]![0]!["densityPerCm2"] = 5000;
        design["sessions"]!["colour"] = "blue";

        var errors = await ProblemAsync(await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs", Body(new string('n', 501), design.ToJsonString())));

        errors.Keys.ShouldContain("note");
        errors.Keys.ShouldContain(k => k.StartsWith("design.", StringComparison.Ordinal));
        (await ProblemAsync(await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs", Body(null, Replace(CompactDesign, d => d["zones"]![0]!["densityPerCm2"] = 5000)))))
            .Keys.ShouldBe(["design.zones[0].densityPerCm2"]);
        (await ProblemAsync(await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs", "{\"note\": \"no design\"}"))).Keys.ShouldBe(["design"]);
        (await ProblemAsync(await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs", "{\"design\": 42}"))).Keys.ShouldBe(["design"]);
        (await ProblemAsync(await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs", "{\"note\": 7, \"design\": " + CompactDesign + "}"))).Keys.ShouldBe(["note"]);
        (await ProblemAsync(await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs", "{\"design\": {"))).Keys.ShouldBe(["body"]);
        (await PostJsonAsync(api, $"/api/v1/consultations/{Guid.NewGuid()}/designs", Body(null, CompactDesign))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await app.InStudioAsync(studio.Id, db => db.DesignVersions.CountAsync(v => v.ConsultationId == consultation))).ShouldBe(0);
    }

    [Fact]
    public async Task Versions_are_numbered_1_2_3_even_when_saved_at_once_and_the_database_refuses_to_change_or_delete_them()
    {
        var consultation = await StartConsultationAsync(app, studio.Id, studio.Clients[1].Id);
        using var api = app.CreateApiClient(key);

        var saves = await Task.WhenAll(Enumerable.Range(1, 3).Select(i =>
            PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs", Body($"draft {i}", CompactDesign))));

        saves.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var numbers = await Task.WhenAll(saves.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32()));
        numbers.ShouldBe([1, 2, 3], ignoreOrder: true);
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{consultation}/designs");
        list.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()).ShouldBe([3, 2, 1]);
        list.GetProperty("versions")[0].GetProperty("authorName").ValueKind.ShouldBe(JsonValueKind.Null, "saved through an API key");
        (await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs/2/approval", "{\"clientName\": \"Ben Client\"}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var version = await app.InStudioAsync(studio.Id, db => db.DesignVersions.AsNoTracking().SingleAsync(v => v.ConsultationId == consultation && v.Number == 2));
        var approval = await app.InStudioAsync(studio.Id, db => db.DesignApprovals.AsNoTracking().SingleAsync(a => a.ConsultationId == consultation));

        // The app's role may neither change nor delete a version or an approval.
        foreach (var (sql, id) in new[]
        {
            ("update design_versions set note = 'quietly different' where id = {0}", version.Id),
            ("update design_versions set document = jsonb_build_object() where id = {0}", version.Id),
            ("delete from design_versions where id = {0}", version.Id),
            ("update design_approvals set client_name = 'Someone Else' where id = {0}", approval.Id),
            ("delete from design_approvals where id = {0}", approval.Id),
        })
        {
            var refused = await Should.ThrowAsync<PostgresException>(() => app.InStudioAsync(studio.Id, db => db.Database.ExecuteSqlRawAsync(sql, id)));
            refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, sql);
        }

        // Even the owner role cannot change one: only the link to a deleted member of staff may be nulled.
        await using var owner = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await owner.OpenAsync();
        foreach (var (sql, message) in new[]
        {
            ("update design_versions set total_dots = 1 where id = $1", "a saved design version cannot be changed; save a new version"),
            ("update design_versions set number = 9 where id = $1", "a saved design version cannot be changed; save a new version"),
            ("update design_approvals set approved_at = now() where id = $1", "a design approval cannot be changed; record a new one"),
        })
        {
            await using var command = new NpgsqlCommand(sql, owner);
            command.Parameters.AddWithValue(sql.Contains("approvals", StringComparison.Ordinal) ? approval.Id : version.Id);
            var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            refused.SqlState.ShouldBe(PostgresErrorCodes.IntegrityConstraintViolation);
            refused.MessageText.ShouldBe(message);
        }

        await using (var unlink = new NpgsqlCommand("update design_versions set created_by = null where id = $1", owner))
        {
            unlink.Parameters.AddWithValue(version.Id);
            (await unlink.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var after = await app.InStudioAsync(studio.Id, db => db.DesignVersions.AsNoTracking().SingleAsync(v => v.Id == version.Id));
        after.Note.ShouldBe(version.Note, "the note is unchanged (which draft became number 2 depends on which save won the lock)");
        after.DocumentJson.ShouldBe(version.DocumentJson);
        (await app.InStudioAsync(studio.Id, db => db.DesignApprovals.AsNoTracking().SingleAsync(a => a.Id == approval.Id))).ClientName.ShouldBe("Ben Client");
    }

    [Fact]
    public async Task An_approval_records_the_clients_name_the_time_and_who_recorded_it_and_a_later_one_supersedes_it()
    {
        var consultation = await StartConsultationAsync(app, studio.Id, studio.Clients[0].Id);
        using var api = app.CreateApiClient(key);
        for (var i = 0; i < 2; i++)
        {
            (await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs", Body(null, CompactDesign))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var practitioner = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        var token = await practitioner.TokenAsync($"/Consultations/{consultation}");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var first = await SendAsync(practitioner, token, HttpMethod.Post, $"/api/v1/consultations/{consultation}/designs/2/approval", "{\"clientName\": \"  Sam Client \"}");

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var approval = await first.Content.ReadFromJsonAsync<JsonElement>();
        approval.GetProperty("number").GetInt32().ShouldBe(2);
        approval.GetProperty("clientName").GetString().ShouldBe("Sam Client");
        approval.GetProperty("recordedByName").GetString().ShouldBe(studio.Practitioner.DisplayName);
        var approvedAt = approval.GetProperty("approvedAt").GetString()!;
        approvedAt.ShouldEndWith("Z");
        DateTimeOffset.Parse(approvedAt, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(before, DateTimeOffset.UtcNow.AddSeconds(1));
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{consultation}/designs");
        list.GetProperty("approval").GetProperty("number").GetInt32().ShouldBe(2);
        list.GetProperty("approval").GetProperty("approvedAt").GetString().ShouldBe(approvedAt);
        list.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("approved").GetBoolean()).ShouldBe([true, false]);

        var later = await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs/1/approval", "{\"clientName\": \"Sam Client\"}");

        later.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await later.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordedByName").ValueKind.ShouldBe(JsonValueKind.Null);
        list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{consultation}/designs");
        list.GetProperty("approval").GetProperty("number").GetInt32().ShouldBe(1);
        list.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("approved").GetBoolean()).ShouldBe([false, true]);
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{consultation}/designs/1")).GetProperty("approved").GetBoolean().ShouldBeTrue();
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{consultation}/designs/2")).GetProperty("approved").GetBoolean().ShouldBeFalse();
        var approved = await app.InStudioServicesAsync(studio.Id, services =>
            services.GetRequiredService<DesignVersionService>().ApprovedAsync(consultation, CancellationToken.None));
        approved.ShouldNotBeNull();
        approved.Value.Version.Number.ShouldBe(1);
        approved.Value.Version.Approved.ShouldBeTrue();
        DesignJson.Serialize(approved.Value.Version.Design).ShouldBe(DesignJson.Serialize(Template));
        approved.Value.Approval.ClientName.ShouldBe("Sam Client");
        (await app.InStudioAsync(studio.Id, db => db.DesignApprovals.CountAsync(a => a.ConsultationId == consultation))).ShouldBe(2);

        (await ProblemAsync(await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs/1/approval", "{}")))["clientName"][0].ShouldContain("required");
        (await ProblemAsync(await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs/1/approval", "{\"clientName\": \"" + new string('x', 121) + "\"}")))
            .Keys.ShouldBe(["clientName"]);
        (await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs/3/approval", "{\"clientName\": \"Sam Client\"}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.InStudioAsync(studio.Id, db => db.DesignApprovals.CountAsync(a => a.ConsultationId == consultation))).ShouldBe(2);
    }

    [Fact]
    public async Task Front_desk_may_read_designs_but_not_save_or_approve_them()
    {
        var consultation = await StartConsultationAsync(app, studio.Id, studio.Clients[1].Id);
        using var api = app.CreateApiClient(key);
        (await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs", Body(null, CompactDesign))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        var token = await desk.TokenAsync($"/Consultations/{consultation}");

        (await desk.Client.GetAsync($"/api/v1/consultations/{consultation}/designs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.Client.GetAsync($"/api/v1/consultations/{consultation}/designs/1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(desk, token, HttpMethod.Post, $"/api/v1/consultations/{consultation}/designs", Body(null, CompactDesign))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(desk, token, HttpMethod.Post, $"/api/v1/consultations/{consultation}/designs/1/approval", "{\"clientName\": \"Ben\"}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await app.InStudioAsync(studio.Id, db => db.DesignVersions.CountAsync(v => v.ConsultationId == consultation))).ShouldBe(1);
        (await app.InStudioAsync(studio.Id, db => db.DesignApprovals.CountAsync(a => a.ConsultationId == consultation))).ShouldBe(0);
    }

    [Fact]
    public async Task Another_studio_gets_404_for_the_consultations_designs_versions_and_photo_alignment_by_key_and_by_cookie()
    {
        var consultation = await StartConsultationAsync(app, studio.Id, studio.Clients[0].Id);
        using var api = app.CreateApiClient(key);
        (await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs", Body(null, CompactDesign))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs/1/approval", "{\"clientName\": \"Ada Client\"}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var photo = await PhotoTestData.UploadPhotoAsync(api, consultation, "front");
        (await api.PutAsJsonAsync($"/api/v1/photos/{photo}/alignment", PhotoTestData.FrontAlignment)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ownConsultation = await StartConsultationAsync(app, other.Id, other.Clients[0].Id);
        var otherOwner = await BrowserSession.SignedInAsync(app, other.Owner.Email);
        var token = await otherOwner.TokenAsync($"/Consultations/{ownConsultation}");
        using var otherApi = app.CreateApiClient(otherKey);

        foreach (var send in new Func<HttpMethod, string, string?, Task<HttpResponseMessage>>[]
        {
            (method, url, body) => otherApi.SendAsync(Request(method, url, body, token: null)),
            (method, url, body) => otherOwner.Client.SendAsync(Request(method, url, body, token)),
        })
        {
            (await send(HttpMethod.Get, $"/api/v1/consultations/{consultation}/designs", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await send(HttpMethod.Get, $"/api/v1/consultations/{consultation}/designs/1", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await send(HttpMethod.Post, $"/api/v1/consultations/{consultation}/designs", Body("planted", CompactDesign))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await send(HttpMethod.Post, $"/api/v1/consultations/{consultation}/designs/1/approval", "{\"clientName\": \"Mallory\"}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await send(HttpMethod.Put, $"/api/v1/photos/{photo}/alignment", JsonSerializer.Serialize(PhotoTestData.FrontAlignment))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await send(HttpMethod.Delete, $"/api/v1/photos/{photo}/alignment", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await app.InStudioAsync(studio.Id, db => db.DesignVersions.CountAsync(v => v.ConsultationId == consultation))).ShouldBe(1);
        (await app.InStudioAsync(studio.Id, db => db.DesignApprovals.CountAsync(a => a.ConsultationId == consultation))).ShouldBe(1);
        (await app.InStudioAsync(studio.Id, db => db.Photos.AsNoTracking().SingleAsync(p => p.Id == photo))).Alignment.ShouldNotBeNull();
        (await app.InStudioAsync(other.Id, db => db.DesignVersions.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Row_level_security_hides_another_studios_designs_and_approvals_and_refuses_planting_them()
    {
        var consultation = await StartConsultationAsync(app, studio.Id, studio.Clients[1].Id);
        using var api = app.CreateApiClient(key);
        (await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs", Body(null, CompactDesign))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PostJsonAsync(api, $"/api/v1/consultations/{consultation}/designs/1/approval", "{\"clientName\": \"Ben Client\"}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using (var set = StudioSession.SetCommand(connection, other.Id))
        {
            await set.ExecuteNonQueryAsync();
        }

        foreach (var table in new[] { "design_versions", "design_approvals" })
        {
            await using var count = new NpgsqlCommand($"select count(*) from {table}", connection);
            ((long)(await count.ExecuteScalarAsync())!).ShouldBe(0, table);
        }

        await using var insert = new NpgsqlCommand(
            "insert into design_versions (studio_id, id, consultation_id, number, document, total_dots, mid_frontal_point_mm, created_at) "
            + "values ($1, gen_random_uuid(), $2, 99, '{}'::jsonb, 0, 80, now())", connection);
        insert.Parameters.AddWithValue(studio.Id);
        insert.Parameters.AddWithValue(consultation);
        (await Should.ThrowAsync<PostgresException>(() => insert.ExecuteNonQueryAsync())).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);

        await using (var set = StudioSession.SetCommand(connection, studio.Id))
        {
            await set.ExecuteNonQueryAsync();
        }

        await using var own = new NpgsqlCommand("select count(*) from design_versions where consultation_id = $1", connection);
        own.Parameters.AddWithValue(consultation);
        ((long)(await own.ExecuteScalarAsync())!).ShouldBe(1);
    }

    private static string Body(string? note, string designJson) =>
        "{\"note\": " + (note is null ? "null" : JsonSerializer.Serialize(note)) + ", \"design\": " + designJson + "}";

    private static string Replace(string json, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(json)!;
        change(node);
        return node.ToJsonString();
    }

    /// <summary>A design as returned or stored, rewritten in the canonical form for comparison.</summary>
    private static string Canonical(JsonElement design) => Canonical(design.GetRawText());

    private static string Canonical(string json) =>
        DesignJson.Serialize(JsonSerializer.Deserialize<DesignDocument>(json, DesignJson.Options)!);

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(url, content);
    }

    private static async Task<HttpResponseMessage> SendAsync(BrowserSession session, string token, HttpMethod method, string url, string json) =>
        await session.Client.SendAsync(Request(method, url, json, token));

    private static HttpRequestMessage Request(HttpMethod method, string url, string? json, string? token)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        return request;
    }
}

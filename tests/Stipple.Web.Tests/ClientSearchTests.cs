using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Stipple.Web.Features.Clients;
using Stipple.Web.Tests.Infrastructure;
using static Stipple.Web.Tests.Infrastructure.CareTestData;

namespace Stipple.Web.Tests;

/// <summary>Finding clients by words of their name, e-mail or phone (through the trigram index), flagging duplicates and merging them.</summary>
public sealed partial class ClientSearchTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private TestStudio studio = null!;
    private string key = "";
    private Guid philippa;
    private Guid ivo;

    public async Task InitializeAsync()
    {
        studio = await app.CreateStudioAsync("Search");
        key = await app.CreateApiKeyAsync(studio.Id);
        philippa = await CreateAsync("Philippa", "Quenby-Marsh", "pq.search@example.com", "+44 7700 900123");
        ivo = await CreateAsync("Ivo", "Stansfield", null, "07700 900124");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("quenby")]
    [InlineData("PHIL quen")]
    [InlineData("marsh philippa")]
    [InlineData("pq.search@example")]
    [InlineData("pq.search@example.com")]
    public async Task Search_finds_a_client_by_part_of_the_name_or_the_email(string search) =>
        (await SearchAsync(search)).ShouldBe([philippa]);

    [Theory]
    [InlineData("07700 900123")]
    [InlineData("07700900123")]
    [InlineData("+44 7700 900123")]
    [InlineData("+447700900123")]
    [InlineData("(0)7700-900-123")]
    public async Task Search_finds_a_number_stored_internationally_however_it_is_typed(string search) =>
        (await SearchAsync(search)).ShouldBe([philippa]);

    [Theory]
    [InlineData("07700 900124")]
    [InlineData("+44 7700 900124")]
    [InlineData("+447700900124")]
    [InlineData("900124")]
    public async Task Search_finds_a_number_stored_nationally_however_it_is_typed(string search) =>
        (await SearchAsync(search)).ShouldBe([ivo]);

    [Theory]
    [InlineData("philippa nobody")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("07700 900999")]
    public async Task Search_finds_nothing_when_a_word_matches_nothing(string search) =>
        (await SearchAsync(search)).ShouldBeEmpty();

    [Fact]
    public async Task The_clients_page_searches_too()
    {
        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);

        var html = WebUtility.HtmlDecode(await desk.Client.GetStringAsync("/Clients?search=quenby"));

        var results = Regex.Match(html, "<div id=\"client-results\">.*?</table>", RegexOptions.Singleline).Value;
        results.ShouldContain("Philippa Quenby-Marsh");
        results.ShouldNotContain("Stansfield");
    }

    /// <summary>
    /// With a studio's worth of clients (3,000, vacuumed and analysed as autovacuum would), the search the app runs uses
    /// the trigram index, and then fetches the few matches by primary key. Row-level security keeps LIKE away from
    /// indexes, so the matching runs inside stipple_search_clients; auto_explain shows the plan of the statement it runs.
    /// </summary>
    [Fact]
    public async Task The_search_query_uses_the_trigram_index()
    {
        var busy = await app.CreateStudioAsync("Busy");
        await AddClientsAsync(busy.Id, 3_000);
        var sql = await app.InStudioServicesAsync(busy.Id, services =>
            Task.FromResult(services.GetRequiredService<ClientService>().ListQuery("quenby marsh").ToQueryString()));
        sql.ShouldContain("stipple_search_clients(");

        var plans = await NestedPlansAsync(busy.Id, sql);

        var all = string.Join("\n---\n", plans);
        var search = plans.Where(p => p.Contains("c.search_text like '%quenby%' and c.search_text like '%marsh%'", StringComparison.Ordinal)).ShouldHaveSingleItem(all);
        search.ShouldContain("Bitmap Index Scan on clients_search_idx", Case.Sensitive, all);
        var outer = plans.Where(p => p.Contains("stipple_search_clients($1)", StringComparison.Ordinal)).ShouldHaveSingleItem(all);
        outer.ShouldContain("Index Scan using clients_pkey on clients", Case.Sensitive, all);
        outer.ShouldNotContain("Seq Scan on clients", Case.Sensitive, all);
    }

    [Fact]
    public async Task The_search_function_finds_only_the_current_studios_clients_and_nothing_without_a_studio()
    {
        var other = await app.CreateStudioAsync("Elsewhere");
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var search = new NpgsqlCommand("select array_agg(found) from stipple_search_clients($1) as found", connection);
        search.Parameters.AddWithValue(new[] { "%client%" });

        (await search.ExecuteScalarAsync()).ShouldBe(DBNull.Value, "no studio set: no rows");

        await using (var set = Data.Tenancy.StudioSession.SetCommand(connection, other.Id))
        {
            await set.ExecuteNonQueryAsync();
        }

        ((Guid[])(await search.ExecuteScalarAsync())!).ShouldBe(other.Clients.Select(c => c.Id), ignoreOrder: true);
    }

    [Fact]
    public async Task Duplicates_are_flagged_for_the_same_email_whatever_its_case()
    {
        var first = await CreateAsync("Dora", "Dupe", "Dora.Dupe@Example.com", null);
        var second = await CreateAsync("Dorothy", "Dupe-Smith", "dora.dupe@example.com", null);
        using var client = app.CreateApiClient(key);

        var pairs = await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/clients/{first}/duplicates");

        var pair = pairs!.ShouldHaveSingleItem();
        pair.GetProperty("first").GetProperty("id").GetGuid().ShouldBe(first);
        pair.GetProperty("second").GetProperty("id").GetGuid().ShouldBe(second);
        pair.GetProperty("reason").GetString().ShouldBe("same e-mail address");
    }

    [Fact]
    public async Task Duplicates_are_flagged_for_the_same_phone_written_differently_and_shown_on_the_clients_page()
    {
        var first = await CreateAsync("Pat", "Phoneson", null, "07700 900456");
        var second = await CreateAsync("Patrick", "Phoneson", null, "+44 7700 900456");
        var unrelated = await CreateAsync("Una", "Related", null, "07700 900457");
        using var client = app.CreateApiClient(key);

        var pairs = await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/clients/{second}/duplicates");

        var pair = pairs!.ShouldHaveSingleItem();
        pair.GetProperty("second").GetProperty("id").GetGuid().ShouldBe(first);
        pair.GetProperty("reason").GetString().ShouldBe("same phone number");
        (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/clients/{unrelated}/duplicates"))!.ShouldBeEmpty();
        var page = WebUtility.HtmlDecode(await (await BrowserSession.SignedInAsync(app, studio.Owner.Email)).Client.GetStringAsync("/Clients"));
        var flagged = Regex.Match(page, "<section[^>]*data-testid=\"duplicate-pairs\".*?</section>", RegexOptions.Singleline).Value;
        flagged.ShouldContain("Pat Phoneson");
        flagged.ShouldContain("Patrick Phoneson");
        flagged.ShouldNotContain("Una Related");
    }

    [Fact]
    public async Task Merging_moves_consultations_photos_intakes_clearances_and_notes_and_deletes_the_duplicate()
    {
        var keep = await CreateAsync("Mia", "Merge", "mia.merge@example.com", null);
        var duplicate = await CreateAsync("Mia", "Merge", "MIA.MERGE@example.com", "07700 900555");
        using var client = app.CreateApiClient(key);
        var consultation = await StartConsultationAsync(app, studio.Id, duplicate);
        await SubmitIntakeAsync(app, studio.Id, consultation, Clean());
        var photo = await PhotoTestData.UploadPhotoAsync(client, consultation, "front");
        var clearance = await PhotoTestData.UploadClearanceAsync(client, duplicate);
        (await client.PostAsJsonAsync($"/api/v1/clients/{duplicate}/notes", new { body = "Prefers mornings." })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var merged = await client.PostAsJsonAsync($"/api/v1/clients/{keep}/merge", new { duplicateId = duplicate });

        merged.StatusCode.ShouldBe(HttpStatusCode.OK, await merged.Content.ReadAsStringAsync());
        (await merged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString().ShouldBe("07700 900555");
        (await client.GetAsync($"/api/v1/clients/{duplicate}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.InStudioAsync(studio.Id, db => db.Consultations.AsNoTracking().SingleAsync(c => c.Id == consultation))).ClientId.ShouldBe(keep);
        (await app.InStudioAsync(studio.Id, db => db.Photos.AsNoTracking().SingleAsync(p => p.Id == photo))).ClientId.ShouldBe(keep);
        (await app.InStudioAsync(studio.Id, db => db.Intakes.AsNoTracking().Select(i => i.ClientId).SingleAsync(c => c == keep || c == duplicate))).ShouldBe(keep);
        (await app.InStudioAsync(studio.Id, db => db.ClearanceDocuments.AsNoTracking().SingleAsync(d => d.Id == clearance))).ClientId.ShouldBe(keep);
        var notes = (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/clients/{keep}/notes"))!.Select(n => n.GetProperty("body").GetString()!).ToList();
        notes.ShouldContain("Prefers mornings.");
        notes.ShouldContain(n => n.StartsWith("Merged the duplicate record Mia Merge (mia.merge@example.com, 07700 900555)", StringComparison.Ordinal));
        (await client.GetAsync($"/api/v1/photos/{photo}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/screening/clients/{keep}/gate")).GetProperty("allowed").GetBoolean().ShouldBeTrue();
        (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/clients/{keep}/duplicates"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Merging_a_client_into_itself_or_a_missing_client_is_refused_naming_duplicateId()
    {
        var alone = await CreateAsync("Solo", "Self", null, null);
        using var client = app.CreateApiClient(key);

        (await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/clients/{alone}/merge", new { duplicateId = alone })))["duplicateId"][0].ShouldContain("is this client");
        (await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/clients/{alone}/merge", new { duplicateId = Guid.NewGuid() })))["duplicateId"][0].ShouldContain("not a client");
        (await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/clients/{alone}/merge", new { }))).Keys.ShouldBe(["duplicateId"]);
        (await client.PostAsJsonAsync($"/api/v1/clients/{Guid.NewGuid()}/merge", new { duplicateId = alone })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/clients/{alone}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_note_needs_a_body()
    {
        using var client = app.CreateApiClient(key);

        (await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/clients/{ivo}/notes", new { body = " " }))).Keys.ShouldBe(["body"]);
        (await client.PostAsJsonAsync($"/api/v1/clients/{Guid.NewGuid()}/notes", new { body = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// Runs the query as EF wrote it, as the app role in the studio, and returns the plans auto_explain reports for it and
    /// the statements it runs inside functions (LOG messages, sent to this client).
    /// </summary>
    private async Task<List<string>> NestedPlansAsync(Guid studioId, string sql)
    {
        var plans = new List<string>();
        await using var connection = new NpgsqlConnection(app.Database.SuperuserConnectionString);
        connection.Notice += (_, e) => plans.Add(e.Notice.MessageText);
        await connection.OpenAsync();
        await using (var setup = new NpgsqlCommand(
            "load 'auto_explain'; set auto_explain.log_min_duration = 0; set auto_explain.log_nested_statements = on; set client_min_messages = log; set role stipple_app",
            connection))
        {
            await setup.ExecuteNonQueryAsync();
        }

        await using (var set = Data.Tenancy.StudioSession.SetCommand(connection, studioId))
        {
            await set.ExecuteNonQueryAsync();
        }

        await using var query = new NpgsqlCommand { Connection = connection };
        var body = new List<string>();
        foreach (var line in sql.Split('\n'))
        {
            if (ParameterLine().Match(line) is { Success: true } parameter)
            {
                // ToQueryString shows the page size as '50' and the patterns as { '%quenby%', '%900123%' }.
                var value = parameter.Groups["value"].Value;
                query.Parameters.AddWithValue(parameter.Groups["name"].Value, value.StartsWith('{') ? ParseTextArray(value) : long.Parse(value.Trim('\''), CultureInfo.InvariantCulture));
            }
            else
            {
                body.Add(line);
            }
        }

        query.CommandText = string.Join('\n', body);
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
            }
        }

        return plans;
    }

    /// <summary>A text array as ToQueryString prints it: { '%quenby%', '%900123%' }.</summary>
    private static string[] ParseTextArray(string value) =>
        [.. value.Trim('{', '}', ' ').Split(", ").Select(item => item.Trim('\''))];

    /// <summary>
    /// Inserts <paramref name="count"/> plain clients into the studio in one statement, then vacuums and analyses the table
    /// as its owner (until a vacuum, new trigram entries wait in the GIN pending list, which the planner rightly avoids).
    /// </summary>
    private async Task AddClientsAsync(Guid studioId, int count)
    {
        await using (var connection = new NpgsqlConnection(app.Database.AppConnectionString))
        {
            await connection.OpenAsync();
            await using (var set = Data.Tenancy.StudioSession.SetCommand(connection, studioId))
            {
                await set.ExecuteNonQueryAsync();
            }

            await using var insert = new NpgsqlCommand(
                """
                insert into clients (studio_id, id, given_name, family_name, email, phone, date_of_birth, created_at, updated_at)
                select $1, gen_random_uuid(), 'Given' || i, 'Family' || i, 'client' || i || '@example.org', '07700 ' || lpad(i::text, 6, '0'), date '1980-01-01', now(), now()
                from generate_series(1, $2) as i
                """, connection);
            insert.Parameters.AddWithValue(studioId);
            insert.Parameters.AddWithValue(count);
            (await insert.ExecuteNonQueryAsync()).ShouldBe(count);
        }

        await using var owner = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await owner.OpenAsync();
        await using var analyse = new NpgsqlCommand("vacuum analyze clients", owner);
        await analyse.ExecuteNonQueryAsync();
    }

    private async Task<List<Guid>> SearchAsync(string search)
    {
        using var client = app.CreateApiClient(key);
        var found = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/clients?search=" + Uri.EscapeDataString(search));
        return [.. found!.Select(c => c.GetProperty("id").GetGuid())];
    }

    private async Task<Guid> CreateAsync(string given, string family, string? email, string? phone)
    {
        using var client = app.CreateApiClient(key);
        var response = await client.PostAsJsonAsync("/api/v1/clients", new { givenName = given, familyName = family, email, phone, dateOfBirth = StippleAppFactory.AdultDateOfBirth });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [GeneratedRegex(@"^-- @?(?<name>\w+)=(?<value>.*?)(?: \(DbType = \w+\))?\r?$")]
    private static partial Regex ParameterLine();
}

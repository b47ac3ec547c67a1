using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Stipple.Core.Care;
using Stipple.Web.Features.Screening;
using Stipple.Web.Tests.Infrastructure;
using static Stipple.Web.Tests.Infrastructure.CareTestData;

namespace Stipple.Web.Tests;

/// <summary>Clients need a date of birth and the studio's minimum age (never under 18), on the API, the page and in the database.</summary>
public sealed class ClientAgeTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private TestStudio studio = null!;
    private string key = "";

    public async Task InitializeAsync()
    {
        studio = await app.CreateStudioAsync("Ages");
        key = await app.CreateApiKeyAsync(studio.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_17_year_old_is_refused_by_the_api_naming_dateOfBirth_and_nothing_is_stored()
    {
        using var client = app.CreateApiClient(key);
        var family = $"Minor{Guid.NewGuid():N}";
        var turns18Tomorrow = Today().PlusYears(-18).PlusDays(1);

        var response = await client.PostAsJsonAsync("/api/v1/clients", new { givenName = "Young", familyName = family, dateOfBirth = Iso(turns18Tomorrow) });

        var errors = await ProblemAsync(response);
        errors.Keys.ShouldBe(["dateOfBirth"]);
        errors["dateOfBirth"].ShouldHaveSingleItem().ShouldContain("makes the client 17");
        errors["dateOfBirth"][0].ShouldContain("aged 18 and over");
        (await app.InStudioAsync(studio.Id, db => db.Clients.CountAsync(c => c.FamilyName == family))).ShouldBe(0);
    }

    [Fact]
    public async Task Eighteen_today_is_allowed_and_the_date_is_kept()
    {
        using var client = app.CreateApiClient(key);
        var born = Today().PlusYears(-18);

        var response = await client.PostAsJsonAsync("/api/v1/clients", new { givenName = "Birthday", familyName = $"Adult{Guid.NewGuid():N}", dateOfBirth = Iso(born) });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await app.InStudioAsync(studio.Id, db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == id))).DateOfBirth.ShouldBe(born);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("15/06/1985", "must be a date like")]
    [InlineData("1899-12-31", "1900 or later")]
    [InlineData("2999-01-01", "future")]
    public async Task A_missing_or_bad_date_of_birth_is_a_problem_naming_it(string? dateOfBirth, string message)
    {
        using var client = app.CreateApiClient(key);

        var response = await client.PostAsJsonAsync("/api/v1/clients", new { givenName = "Dated", familyName = "Badly", dateOfBirth });

        var errors = await ProblemAsync(response);
        errors.Keys.ShouldBe(["dateOfBirth"]);
        errors["dateOfBirth"][0].ShouldContain(message);
    }

    [Fact]
    public async Task An_edit_that_makes_the_client_17_is_refused_and_the_stored_date_stays()
    {
        using var client = app.CreateApiClient(key);
        var target = studio.Clients[0];

        var response = await client.PutAsJsonAsync($"/api/v1/clients/{target.Id}", new
        {
            givenName = target.GivenName,
            familyName = target.FamilyName,
            email = target.Email,
            dateOfBirth = Iso(Today().PlusYears(-17)),
        });

        (await ProblemAsync(response)).Keys.ShouldBe(["dateOfBirth"]);
        (await app.InStudioAsync(studio.Id, db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == target.Id))).DateOfBirth.ShouldBe(StippleAppFactory.AdultBirthday);
    }

    [Fact]
    public async Task The_clients_page_shows_the_age_error_beside_the_date_keeping_everything_typed()
    {
        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        var family = $"Typed{Guid.NewGuid():N}"[..20];
        var born = Iso(Today().PlusYears(-17));

        var response = await desk.PostFormAsync("/Clients", "/Clients", new()
        {
            ["Input.GivenName"] = "Teen",
            ["Input.FamilyName"] = family,
            ["Input.DateOfBirth"] = born,
            ["Input.Email"] = "teen@example.com",
            ["Input.Phone"] = "07700 900777",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var field = Regex.Match(html, "<label for=\"Input_DateOfBirth\">.*?<span class=\"field-error\">(?<error>.*?)</span>", RegexOptions.Singleline);
        field.Success.ShouldBeTrue("the date of birth field has its error span");
        field.Groups["error"].Value.ShouldContain("makes the client 17");
        Regex.IsMatch(html, $"<input id=\"Input_DateOfBirth\" name=\"Input.DateOfBirth\" type=\"date\" value=\"{born}\"[^>]*aria-invalid=\"true\"").ShouldBeTrue();
        html.ShouldContain("value=\"Teen\"");
        html.ShouldContain($"value=\"{family}\"");
        html.ShouldContain("value=\"teen@example.com\"");
        html.ShouldContain("value=\"07700 900777\"");
        Regex.Match(html, "<label for=\"Input_GivenName\">.*?<span class=\"field-error\">(?<error>.*?)</span>", RegexOptions.Singleline).Groups["error"].Value.ShouldBeEmpty();
        (await app.InStudioAsync(studio.Id, db => db.Clients.CountAsync(c => c.FamilyName == family))).ShouldBe(0);
    }

    [Fact]
    public async Task The_clients_page_adds_an_adult_and_opens_their_page()
    {
        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        var family = $"Form{Guid.NewGuid():N}"[..20];

        var response = await desk.PostFormAsync("/Clients", "/Clients", new()
        {
            ["Input.GivenName"] = "Grown",
            ["Input.FamilyName"] = family,
            ["Input.DateOfBirth"] = StippleAppFactory.AdultDateOfBirth,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.InStudioAsync(studio.Id, db => db.Clients.AsNoTracking().SingleAsync(c => c.FamilyName == family));
        response.Headers.Location!.ToString().ShouldBe($"/Clients/{saved.Id}");
        saved.DateOfBirth.ShouldBe(StippleAppFactory.AdultBirthday);
    }

    [Fact]
    public async Task A_studio_with_minimum_age_21_refuses_a_19_year_old_and_takes_a_21_year_old()
    {
        var strict = await app.CreateStudioAsync("Strict");
        await app.InStudioServicesAsync(strict.Id, async services =>
        {
            var saved = await services.GetRequiredService<ScreeningService>().SaveSettingsAsync(ScreeningSettings.Default with { MinimumAge = 21 }, CancellationToken.None);
            saved.Succeeded.ShouldBeTrue();
            return saved;
        });
        using var client = app.CreateApiClient(await app.CreateApiKeyAsync(strict.Id));

        var refused = await client.PostAsJsonAsync("/api/v1/clients", new { givenName = "Nineteen", familyName = "Strict", dateOfBirth = Iso(Today().PlusYears(-19)) });
        var errors = await ProblemAsync(refused);
        errors["dateOfBirth"][0].ShouldContain("makes the client 19");
        errors["dateOfBirth"][0].ShouldContain("aged 21 and over");

        var taken = await client.PostAsJsonAsync("/api/v1/clients", new { givenName = "TwentyOne", familyName = "Strict", dateOfBirth = Iso(Today().PlusYears(-21)) });
        taken.StatusCode.ShouldBe(HttpStatusCode.Created, await taken.Content.ReadAsStringAsync());
        (await app.InStudioAsync(strict.Id, db => db.Studios.AsNoTracking().SingleAsync())).MinClientAge.ShouldBe(21);

        // Another studio keeps 18.
        using var ownClient = app.CreateApiClient(key);
        (await ownClient.PostAsJsonAsync("/api/v1/clients", new { givenName = "Nineteen", familyName = "Relaxed", dateOfBirth = Iso(Today().PlusYears(-19)) }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Screening_settings_under_18_are_refused_naming_minimumAge()
    {
        var result = await app.InStudioServicesAsync(studio.Id, services =>
            services.GetRequiredService<ScreeningService>().SaveSettingsAsync(ScreeningSettings.Default with { MinimumAge = 16 }, CancellationToken.None));

        result.Succeeded.ShouldBeFalse();
        result.Errors!.MessageFor("minimumAge")!.ShouldContain("at least 18");
        (await app.InStudioAsync(studio.Id, db => db.Studios.AsNoTracking().SingleAsync())).MinClientAge.ShouldBe(18);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(0)]
    public async Task The_database_refuses_a_minimum_age_under_18(int age)
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using (var set = Data.Tenancy.StudioSession.SetCommand(connection, studio.Id))
        {
            await set.ExecuteNonQueryAsync();
        }

        await using var update = new NpgsqlCommand("update studios set min_client_age = $1 where id = $2", connection);
        update.Parameters.AddWithValue(age);
        update.Parameters.AddWithValue(studio.Id);

        var error = await Should.ThrowAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        error.SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        (await app.InStudioAsync(studio.Id, db => db.Studios.AsNoTracking().SingleAsync())).MinClientAge.ShouldBe(18);
    }
}

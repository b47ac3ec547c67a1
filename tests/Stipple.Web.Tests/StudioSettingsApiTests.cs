using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stipple.Core.Design;
using Stipple.Domain;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>The studio's impressions-per-minute setting through <c>/api/v1/studio</c> and the database.</summary>
public sealed class StudioSettingsApiTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>
{
    [Fact]
    public async Task A_new_studio_has_the_engines_default_rate()
    {
        ((double)Studio.DefaultImpressionsPerMinute).ShouldBe(DesignReport.DefaultImpressionsPerMinute);
        var studio = await app.CreateStudioAsync("Rate Default");
        using var client = app.CreateApiClient(await app.CreateApiKeyAsync(studio.Id));

        var settings = await client.GetFromJsonAsync<JsonElement>("/api/v1/studio");

        settings.GetProperty("impressionsPerMinute").GetDecimal().ShouldBe(78m);
        // The column default (for studios that existed before 0002) is the same number.
        var columnDefault = await app.InStudioAsync(studio.Id, db => db.Database
            .SqlQueryRaw<string>("select column_default as \"Value\" from information_schema.columns where table_name = 'studios' and column_name = 'impressions_per_minute'")
            .SingleAsync());
        columnDefault.ShouldStartWith("78");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5000")]
    [InlineData("78.25")]
    [InlineData("\"abc\"")]
    public async Task A_bad_rate_is_a_problem_naming_the_field_and_nothing_changes(string json)
    {
        var studio = await app.CreateStudioAsync("Rate Api");
        using var client = app.CreateApiClient(await app.CreateApiKeyAsync(studio.Id));
        using var content = new StringContent(
            $$"""{"name": "Rate Api Changed", "timeZone": "Europe/London", "currency": "GBP", "locale": "en-GB", "impressionsPerMinute": {{json}}}""",
            Encoding.UTF8,
            "application/json");

        var response = await client.PutAsync("/api/v1/studio", content);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(text);
        problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["impressionsPerMinute"]);
        var saved = await app.InStudioAsync(studio.Id, db => db.Studios.AsNoTracking().SingleAsync());
        saved.Name.ShouldBe("Rate Api");
        saved.ImpressionsPerMinute.ShouldBe(78m);
    }

    [Fact]
    public async Task A_rate_is_saved_and_an_update_without_one_keeps_it()
    {
        var studio = await app.CreateStudioAsync("Rate Keep");
        using var client = app.CreateApiClient(await app.CreateApiKeyAsync(studio.Id));

        var set = await client.PutAsJsonAsync("/api/v1/studio", new { name = "Rate Keep", timeZone = "Europe/London", currency = "GBP", locale = "en-GB", impressionsPerMinute = 95.5m });
        set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("impressionsPerMinute").GetDecimal().ShouldBe(95.5m);

        var renamed = await client.PutAsJsonAsync("/api/v1/studio", new { name = "Rate Kept", timeZone = "Europe/London", currency = "GBP", locale = "en-GB" });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);

        var saved = await app.InStudioAsync(studio.Id, db => db.Studios.AsNoTracking().SingleAsync());
        saved.Name.ShouldBe("Rate Kept");
        saved.ImpressionsPerMinute.ShouldBe(95.5m);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>The JSON API's contract: problem details for bad input, size limits, OpenAPI, health, headers and CRUD.</summary>
public sealed class ApiTests(StippleAppFactory app, ApiTests.KestrelAppFactory kestrel) : IClassFixture<StippleAppFactory>, IClassFixture<ApiTests.KestrelAppFactory>, IAsyncLifetime
{
    private TestStudio studio = null!;
    private string key = "";

    public async Task InitializeAsync()
    {
        studio = await app.CreateStudioAsync("Api");
        key = await app.CreateApiKeyAsync(studio.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Invalid_client_is_a_validation_problem_naming_each_field()
    {
        using var client = ApiClient();
        var before = await ClientCountAsync();

        var response = await client.PostAsJsonAsync("/api/v1/clients", new { givenName = "", familyName = "X", email = "nope" });

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        errors.ShouldContain("givenName");
        errors.ShouldContain("email");
        errors.ShouldNotContain("familyName");
        (await ClientCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Json_of_the_wrong_type_is_a_400_problem_naming_the_field()
    {
        using var client = ApiClient();
        using var content = new StringContent("{\"givenName\": 3}", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/v1/clients", content);

        (await ProblemErrorsAsync(response, HttpStatusCode.BadRequest)).ShouldContain("givenName");
    }

    [Fact]
    public async Task Unknown_time_zone_is_refused_and_nothing_changes()
    {
        using var client = ApiClient();
        var before = await app.InStudioAsync(studio.Id, db => db.Studios.AsNoTracking().SingleAsync());

        var response = await client.PutAsJsonAsync("/api/v1/studio", new { name = "Mars Studio", timeZone = "Mars/Olympus", currency = "GBP", locale = "en-GB" });

        (await ProblemErrorsAsync(response, HttpStatusCode.BadRequest)).ShouldContain("timeZone");
        var after = await app.InStudioAsync(studio.Id, db => db.Studios.AsNoTracking().SingleAsync());
        after.TimeZone.ShouldBe(before.TimeZone);
        after.Name.ShouldBe(before.Name);
    }

    /// <summary>The body limit is Kestrel's (TestServer has none), so this runs against the app on a real Kestrel port.</summary>
    [Fact]
    public async Task Oversize_body_is_413_not_500()
    {
        var kestrelStudio = await kestrel.CreateStudioAsync("Big");
        var kestrelKey = await kestrel.CreateApiKeyAsync(kestrelStudio.Id);
        var address = kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = kestrel.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(address) });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", kestrelKey);
        var body = "{\"givenName\":\"" + new string('a', (10 * 1024 * 1024) + 1024) + "\",\"familyName\":\"Big\"}";
        // Expect: 100-continue lets the server answer before the client has sent the whole body, as browsers and SDKs do.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clients") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await kestrel.InStudioAsync(kestrelStudio.Id, db => db.Clients.CountAsync(c => c.FamilyName == "Big"))).ShouldBe(0);

        // A normal request on the same server still works.
        (await client.PostAsJsonAsync("/api/v1/clients", new { givenName = "Small", familyName = "Big", dateOfBirth = StippleAppFactory.AdultDateOfBirth })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType!.ShouldContain("json");
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain(p => p.StartsWith("/api/v1/clients", StringComparison.Ordinal));
        paths.ShouldContain(p => p.StartsWith("/api/v1/studio", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readiness_reports_healthy()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/health/ready");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Theory]
    [InlineData("/health/live", false)]
    [InlineData("/Accounts/SignIn", false)]
    [InlineData("/api/v1/clients", true)]
    public async Task Responses_carry_security_headers(string path, bool withKey)
    {
        using var client = withKey ? ApiClient() : app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").ShouldHaveSingleItem().ShouldBe("nosniff");
    }

    [Fact]
    public async Task Client_round_trip_with_an_api_key()
    {
        using var client = ApiClient();
        var family = $"Trip{Guid.NewGuid():N}";

        var created = await client.PostAsJsonAsync("/api/v1/clients", new { givenName = "Rita", familyName = family, email = "Rita@Example.com", dateOfBirth = StippleAppFactory.AdultDateOfBirth });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var dto = (await created.Content.ReadFromJsonAsync<ClientRow>())!;
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/clients/{dto.Id}");
        dto.GivenName.ShouldBe("Rita");
        dto.Email.ShouldBe("rita@example.com");

        var fetched = await client.GetAsync($"/api/v1/clients/{dto.Id}");
        fetched.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fetched.Content.ReadFromJsonAsync<ClientRow>())!.FamilyName.ShouldBe(family);

        var updated = await client.PutAsJsonAsync($"/api/v1/clients/{dto.Id}", new { givenName = "Margarita", familyName = family, phone = "+44 20 7946 0000", dateOfBirth = StippleAppFactory.AdultDateOfBirth });
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var changed = (await updated.Content.ReadFromJsonAsync<ClientRow>())!;
        changed.GivenName.ShouldBe("Margarita");
        changed.Email.ShouldBeNull();
        (await app.InStudioAsync(studio.Id, db => db.Clients.AsNoTracking().Where(c => c.Id == dto.Id).Select(c => c.GivenName).SingleAsync())).ShouldBe("Margarita");

        (await client.DeleteAsync($"/api/v1/clients/{dto.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/v1/clients/{dto.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"/api/v1/clients/{dto.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<List<string>> ProblemErrorsAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var document = JsonDocument.Parse(text);
        document.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
        document.RootElement.TryGetProperty("errors", out var errors).ShouldBeTrue($"problem has 'errors': {text}");
        return [.. errors.EnumerateObject().Select(p => p.Name)];
    }

    private Task<int> ClientCountAsync() => app.InStudioAsync(studio.Id, db => db.Clients.CountAsync());

    private HttpClient ApiClient() => app.CreateApiClient(key);


    /// <summary>The same app on a real Kestrel server (dynamic port), for behaviour only the real server has.</summary>
    public sealed class KestrelAppFactory : StippleAppFactory
    {
        public KestrelAppFactory() => UseKestrel(0);
    }

    private sealed record ClientRow(Guid Id, string GivenName, string FamilyName, string? Email, string? Phone);
}

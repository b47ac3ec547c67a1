using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>What each kind of principal (owner, practitioner, front desk, anonymous, API key) can and cannot reach.</summary>
public sealed class RoleAccessTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private static readonly string[] StaffPages = ["/", "/Clients", "/Pigments", "/Staff", "/Accounts/Security"];
    private static readonly string[] OwnerPages = ["/Settings", "/Settings/ApiKeys"];

    private TestStudio studio = null!;

    public async Task InitializeAsync() => studio = await app.CreateStudioAsync("Roles");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Front_desk_reaches_staff_pages_but_is_denied_owner_pages()
    {
        var session = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        await ShouldReachAsync(session, StaffPages);
        await ShouldBeDeniedAsync(session, OwnerPages);
    }

    [Fact]
    public async Task Practitioner_reaches_staff_pages_but_is_denied_owner_pages()
    {
        var session = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        await ShouldReachAsync(session, StaffPages);
        await ShouldBeDeniedAsync(session, OwnerPages);
    }

    [Fact]
    public async Task Owner_reaches_every_page()
    {
        var session = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        await ShouldReachAsync(session, [.. StaffPages, .. OwnerPages]);
    }

    [Fact]
    public async Task Front_desk_cannot_invite_staff()
    {
        var session = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        var email = $"sneaky-{Guid.NewGuid():N}@example.com";

        var response = await session.PostFormAsync("/Accounts/Security", "/Staff?handler=Invite", new() { ["Input.Email"] = email, ["Input.Role"] = "owner" });

        var refused = response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Accounts/Denied", StringComparison.Ordinal));
        refused.ShouldBeTrue($"expected 403 or a redirect to Denied, got {(int)response.StatusCode} {response.Headers.Location}");
        (await app.InStudioAsync(studio.Id, db => db.StaffInvitations.CountAsync(i => i.Email == email))).ShouldBe(0);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_sign_in_refused_by_the_api_and_sees_health()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().ShouldContain("/Accounts/SignIn");

        (await client.GetAsync("/api/v1/clients")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Api_key_reads_data_and_changes_settings_but_cannot_manage_keys()
    {
        using var client = app.CreateApiClient(await app.CreateApiKeyAsync(studio.Id));

        (await client.GetAsync("/api/v1/api-keys")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/v1/clients")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var newName = $"Renamed {Guid.NewGuid():N}";
        var put = await client.PutAsJsonAsync("/api/v1/studio", new { name = newName, timeZone = "Europe/Paris", currency = "EUR", locale = "fr-FR" });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        var saved = await app.InStudioAsync(studio.Id, db => db.Studios.AsNoTracking().SingleAsync());
        saved.Name.ShouldBe(newName);
        saved.TimeZone.ShouldBe("Europe/Paris");
    }

    [Fact]
    public async Task Practitioner_cookie_cannot_change_studio_settings_through_the_api()
    {
        var session = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        var token = await session.TokenAsync("/Accounts/Security");
        var before = await app.InStudioAsync(studio.Id, db => db.Studios.AsNoTracking().Select(s => s.Name).SingleAsync());

        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/studio")
        {
            Content = JsonContent.Create(new { name = "Taken over", timeZone = "Europe/London", currency = "GBP", locale = "en-GB" }),
        };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await session.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.InStudioAsync(studio.Id, db => db.Studios.AsNoTracking().Select(s => s.Name).SingleAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Cookie_api_write_needs_the_antiforgery_header()
    {
        var session = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        var family = $"Forged{Guid.NewGuid():N}";

        using (var forged = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clients") { Content = JsonContent.Create(new { givenName = "Eve", familyName = family, dateOfBirth = StippleAppFactory.AdultDateOfBirth }) })
        {
            var response = await session.Client.SendAsync(forged);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        (await app.InStudioAsync(studio.Id, db => db.Clients.CountAsync(c => c.FamilyName == family))).ShouldBe(0);

        var token = await session.TokenAsync("/Accounts/Security");
        using var genuine = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clients") { Content = JsonContent.Create(new { givenName = "Eve", familyName = family, dateOfBirth = StippleAppFactory.AdultDateOfBirth }) };
        genuine.Headers.Add("RequestVerificationToken", token);
        var created = await session.Client.SendAsync(genuine);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await app.InStudioAsync(studio.Id, db => db.Clients.CountAsync(c => c.FamilyName == family))).ShouldBe(1);
    }

    private static async Task ShouldReachAsync(BrowserSession session, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var response = await session.Client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}");
        }
    }

    private static async Task ShouldBeDeniedAsync(BrowserSession session, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var response = await session.Client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"GET {path}");
            response.Headers.Location!.ToString().ShouldContain("/Accounts/Denied", customMessage: $"GET {path}");
        }
    }


}

using System.Net;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>Edges a shared front-desk computer or a crafted link can reach: none may be a 500 or leak a link.</summary>
public sealed class SessionEdgeTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>
{
    [Fact]
    public async Task Signing_in_to_another_studio_from_a_signed_in_browser_starts_a_fresh_session()
    {
        var x = await app.CreateStudioAsync("Xray");
        var y = await app.CreateStudioAsync("Yankee");
        var session = await BrowserSession.SignedInAsync(app, x.Owner.Email);

        var page = await session.Client.GetAsync("/Accounts/SignIn");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the old session is ended first");
        var response = await session.PostFormAsync("/Accounts/SignIn", "/Accounts/SignIn", new() { ["Input.Email"] = y.Owner.Email, ["Input.Password"] = StippleAppFactory.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");

        var dashboard = await session.Client.GetStringAsync("/Staff");
        dashboard.ShouldContain(y.Owner.Email);
        dashboard.ShouldNotContain(x.Owner.Email);
    }

    [Fact]
    public async Task A_return_address_with_control_characters_goes_home_instead_of_failing()
    {
        var studio = await app.CreateStudioAsync("Zulu");
        var session = BrowserSession.Create(app);
        var response = await session.PostFormAsync(
            "/Accounts/SignIn", "/Accounts/SignIn?ReturnUrl=%2F%0Aabc", new() { ["Input.Email"] = studio.Owner.Email, ["Input.Password"] = StippleAppFactory.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task Only_owners_open_the_mailbox_where_invitation_links_are_kept()
    {
        var studio = await app.CreateStudioAsync("Mike");
        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        var response = await desk.Client.GetAsync("/Mailbox");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Accounts/Denied");

        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        (await owner.Client.GetAsync("/Mailbox")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stipple.Domain;
using Stipple.Web.Infrastructure.Email;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>Owners invite staff by e-mail; the one-time link creates the account with the invited role.</summary>
public sealed partial class InvitationTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private TestStudio studio = null!;

    public async Task InitializeAsync() => studio = await app.CreateStudioAsync("Invites");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Invited_person_joins_once_with_the_invited_role()
    {
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var email = $"new-person-{Guid.NewGuid():N}@example.com";

        var invite = await InviteAsync(owner, email, "practitioner");
        invite.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mail = MailTo(email).ShouldHaveSingleItem();
        var link = LinkPattern().Match(mail.Body);
        link.Success.ShouldBeTrue($"the message carries the link: {mail.Body}");
        var path = link.Value;

        var guest = BrowserSession.Create(app);
        var join = await guest.Client.GetAsync(path);
        join.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await join.Content.ReadAsStringAsync()).ShouldContain("Join");

        var tooShort = await guest.PostFormAsync(path, path, new() { ["Input.DisplayName"] = "Nova Typed", ["Input.Password"] = "short" });
        tooShort.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tooShortHtml = WebUtility.HtmlDecode(await tooShort.Content.ReadAsStringAsync());
        tooShortHtml.ShouldContain("at least 10 characters");
        tooShortHtml.ShouldContain("value=\"Nova Typed\"");
        (await app.InStudioAsync(studio.Id, db => db.StaffUsers.CountAsync(u => u.Email == email))).ShouldBe(0);

        var accepted = await guest.PostFormAsync(path, path, new() { ["Input.DisplayName"] = "Nova Person", ["Input.Password"] = "a long enough password" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accepted.Headers.Location!.ToString().ShouldBe("/");
        (await guest.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var user = await app.InStudioAsync(studio.Id, db => db.StaffUsers.AsNoTracking().SingleAsync(u => u.Email == email));
        user.Role.ShouldBe(StaffRole.Practitioner);
        user.DisplayName.ShouldBe("Nova Person");

        var signedIn = await BrowserSession.SignedInAsync(app, email, "a long enough password");
        (await signedIn.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var settings = await signedIn.Client.GetAsync("/Settings");
        settings.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        settings.Headers.Location!.ToString().ShouldContain("/Accounts/Denied");

        var reused = await BrowserSession.Create(app).Client.GetStringAsync(path);
        reused.ShouldContain("no longer works");
        var reusedPost = await BrowserSession.Create(app).PostFormAsync("/Accounts/SignIn", path, new() { ["Input.DisplayName"] = "Again", ["Input.Password"] = "another long password" });
        reusedPost.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reusedPost.Content.ReadAsStringAsync()).ShouldContain("no longer works");
        (await app.InStudioAsync(studio.Id, db => db.StaffUsers.CountAsync(u => u.Email == email))).ShouldBe(1);
    }

    [Fact]
    public async Task Inviting_an_address_that_already_has_an_account_is_refused_and_sends_nothing()
    {
        var other = await app.CreateStudioAsync("Elsewhere");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);

        var response = await InviteAsync(owner, other.Owner.Email, "practitioner");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Someone already has a Stipple account with this e-mail address.");
        // The message is on the e-mail field (its validation span), not only in the summary.
        html.ShouldContain("data-valmsg-for=\"Input.Email\"");
        EmailFieldError().IsMatch(html).ShouldBeTrue("the e-mail field shows the error");
        MailTo(other.Owner.Email).ShouldBeEmpty();
        (await app.InStudioAsync(studio.Id, db => db.StaffInvitations.CountAsync(i => i.Email == other.Owner.Email))).ShouldBe(0);
    }

    [Fact]
    public async Task Owner_can_withdraw_an_open_invitation()
    {
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var email = $"withdrawn-{Guid.NewGuid():N}@example.com";
        (await InviteAsync(owner, email, "front_desk")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var path = LinkPattern().Match(MailTo(email).ShouldHaveSingleItem().Body).Value;
        var id = await app.InStudioAsync(studio.Id, db => db.StaffInvitations.Where(i => i.Email == email).Select(i => i.Id).SingleAsync());
        (await owner.Client.GetStringAsync("/Staff")).ShouldContain(email);

        var revoke = await owner.PostFormAsync("/Staff", $"/Staff?handler=Revoke&id={id}", []);

        revoke.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var invitation = await app.InStudioAsync(studio.Id, db => db.StaffInvitations.AsNoTracking().SingleAsync(i => i.Id == id));
        invitation.RevokedAt.ShouldNotBeNull();
        (await owner.Client.GetStringAsync("/Staff")).ShouldNotContain(email);
        (await BrowserSession.Create(app).Client.GetStringAsync(path)).ShouldContain("no longer works");
    }

    private static Task<HttpResponseMessage> InviteAsync(BrowserSession owner, string email, string role) =>
        owner.PostFormAsync("/Staff", "/Staff?handler=Invite", new() { ["Input.Email"] = email, ["Input.Role"] = role });

    private List<MailboxEntry> MailTo(string email)
    {
        if (!Directory.Exists(app.MailboxFolder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(app.MailboxFolder, "*.eml")
            .Select(file => MailboxEntry.Parse(Path.GetFileName(file), File.ReadAllText(file, Encoding.UTF8)))
            .Where(entry => entry.To.Contains(email, StringComparison.OrdinalIgnoreCase))];
    }

    [GeneratedRegex("/Accounts/AcceptInvite\\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("data-valmsg-for=\"Input.Email\"[^>]*>[^<]*Someone already has a Stipple account")]
    private static partial Regex EmailFieldError();
}

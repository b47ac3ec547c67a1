using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Security;
using Stipple.Web.Features.Accounts;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>Password sign-in, lockout, deactivation and TOTP two-factor sign-in, through the real pages.</summary>
public sealed partial class SignInTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>
{
    private const string LockedMessage = "Too many failed attempts";

    [Fact]
    public async Task Wrong_password_shows_the_error_and_keeps_the_email()
    {
        var studio = await app.CreateStudioAsync("Wrong password");
        var session = BrowserSession.Create(app);

        var response = await SignInAsync(session, studio.Owner.Email, "not the password");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain(AccountService.InvalidCredentials);
        html.ShouldContain($"value=\"{studio.Owner.Email}\"");
        (await session.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Unknown_email_gets_the_same_message()
    {
        var session = BrowserSession.Create(app);
        var email = $"nobody-{Guid.NewGuid():N}@example.com";

        var response = await SignInAsync(session, email, StippleAppFactory.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain(AccountService.InvalidCredentials);
        html.ShouldContain($"value=\"{email}\"");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var studio = await app.CreateStudioAsync("Lockout");
        var session = BrowserSession.Create(app);

        for (var i = 0; i < AccountService.MaxFailedSignIns; i++)
        {
            (await SignInAsync(session, studio.FrontDesk.Email, $"wrong {i}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var locked = await SignInAsync(session, studio.FrontDesk.Email, StippleAppFactory.Password);
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await locked.Content.ReadAsStringAsync()).ShouldContain(LockedMessage);
        (await session.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var user = await app.InStudioAsync(studio.Id, db => db.StaffUsers.AsNoTracking().SingleAsync(u => u.Id == studio.FrontDesk.Id));
        user.LockedOutUntil.ShouldNotBeNull();
        user.LockedOutUntil.Value.ShouldBeGreaterThan(SystemClock.Instance.GetCurrentInstant() + Duration.FromMinutes(14));
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        var studio = await app.CreateStudioAsync("Almost");
        var session = BrowserSession.Create(app);
        for (var i = 0; i < AccountService.MaxFailedSignIns - 1; i++)
        {
            await SignInAsync(session, studio.FrontDesk.Email, $"wrong {i}");
        }

        (await SignInAsync(session, studio.FrontDesk.Email, StippleAppFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var user = await app.InStudioAsync(studio.Id, db => db.StaffUsers.AsNoTracking().SingleAsync(u => u.Id == studio.FrontDesk.Id));
        user.LockedOutUntil.ShouldBeNull();
        user.FailedSignInCount.ShouldBe(0);
    }

    [Fact]
    public async Task Deactivated_users_cookie_stops_working()
    {
        var studio = await app.CreateStudioAsync("Deactivate");
        var session = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        (await session.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.InStudioAsync(studio.Id, async db =>
        {
            var user = await db.StaffUsers.SingleAsync(u => u.Id == studio.Practitioner.Id);
            user.Deactivate();
            return await db.SaveChangesAsync();
        });

        var after = await session.Client.GetAsync("/");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/Accounts/SignIn");

        // And the password no longer signs in either.
        (await SignInAsync(BrowserSession.Create(app), studio.Practitioner.Email, StippleAppFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Totp_two_factor_sign_in_works_and_refuses_a_replayed_code()
    {
        var studio = await app.CreateStudioAsync("Totp");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);

        var begin = await owner.PostFormAsync("/Accounts/Security", "/Accounts/Security?handler=Begin", []);
        begin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var securityPage = await owner.Client.GetStringAsync("/Accounts/Security");
        var match = SecretPattern().Match(securityPage);
        match.Success.ShouldBeTrue("the set-up page shows the secret");
        var secret = Base32.Decode(WebUtility.HtmlDecode(match.Groups[1].Value).Replace(" ", "", StringComparison.Ordinal).Trim());

        var confirm = await owner.PostFormAsync("/Accounts/Security", "/Accounts/Security?handler=Confirm", new() { ["Code"] = Totp.Compute(secret, Now()) });
        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InStudioAsync(studio.Id, db => db.StaffUsers.AsNoTracking().Where(u => u.Id == studio.Owner.Id).Select(u => u.TotpEnabled).SingleAsync())).ShouldBeTrue();
        (await owner.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "the session that turned 2FA on stays signed in");

        // A new sign-in now needs the code.
        var fresh = BrowserSession.Create(app);
        var password = await SignInAsync(fresh, studio.Owner.Email, StippleAppFactory.Password);
        password.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        password.Headers.Location!.ToString().ShouldContain("/Accounts/TwoFactor");
        (await fresh.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the password alone does not sign in");

        // The next step's code: within the allowed drift, and later than the step used to confirm set-up.
        var code = Totp.Compute(secret, Now() + Duration.FromSeconds(Totp.StepSeconds));
        var wrongCode = new string(code.Select(c => (char)('0' + ((c - '0' + 5) % 10))).ToArray());

        var wrong = await fresh.PostFormAsync("/Accounts/TwoFactor", "/Accounts/TwoFactor", new() { ["Code"] = wrongCode });
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("That code is not right");
        (await fresh.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var right = await fresh.PostFormAsync("/Accounts/TwoFactor", "/Accounts/TwoFactor", new() { ["Code"] = code });
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        right.Headers.Location!.ToString().ShouldBe("/");
        (await fresh.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The same code again, in another fresh sign-in within its time step, is refused.
        var replay = BrowserSession.Create(app);
        (await SignInAsync(replay, studio.Owner.Email, StippleAppFactory.Password)).Headers.Location!.ToString().ShouldContain("/Accounts/TwoFactor");
        var again = await replay.PostFormAsync("/Accounts/TwoFactor", "/Accounts/TwoFactor", new() { ["Code"] = code });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("That code is not right");
        (await replay.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static Instant Now() => SystemClock.Instance.GetCurrentInstant();

    private static Task<HttpResponseMessage> SignInAsync(BrowserSession session, string email, string password) =>
        session.PostFormAsync("/Accounts/SignIn", "/Accounts/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    [GeneratedRegex("data-testid=\"totp-secret\">([^<]+)<")]
    private static partial Regex SecretPattern();
}

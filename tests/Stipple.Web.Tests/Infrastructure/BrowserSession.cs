using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Stipple.Web.Tests.Infrastructure;

/// <summary>
/// An HttpClient that behaves like a browser for server-rendered pages: keeps cookies, does not follow redirects (so
/// tests can see them), and reads the antiforgery token from a page before posting a form.
/// </summary>
public sealed partial class BrowserSession(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static BrowserSession Create(StippleAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new BrowserSession(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
    }

    public static async Task<BrowserSession> SignedInAsync(StippleAppFactory factory, string email, string password = StippleAppFactory.Password)
    {
        var session = Create(factory);
        var response = await session.PostFormAsync("/Accounts/SignIn", "/Accounts/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }

        return session;
    }

    public async Task<string> TokenAsync(string pagePath)
    {
        var html = await Client.GetStringAsync(pagePath);
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {pagePath}.");
    }

    /// <summary>Fetches <paramref name="formPage"/> for its antiforgery token, then posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields["__RequestVerificationToken"] = await TokenAsync(formPage);
        using var content = new FormUrlEncodedContent(fields);
        return await Client.PostAsync(action, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

using System.Net;
using System.Text.RegularExpressions;

namespace Stipple.Web.Tests;

/// <summary>Reading the calendar settings pages: an error beside a field, an input's value, the page after a redirect.</summary>
internal static partial class StudioCalendarSettingsPages
{
    /// <summary>The text of the error span beside the field (<c>data-field</c>), decoded; "" when there is none.</summary>
    public static string ErrorBeside(string html, string field)
    {
        var match = Regex.Match(html, $"<span class=\"field-error\" data-field=\"{Regex.Escape(field)}\">([^<]*)</span>");
        match.Success.ShouldBeTrue($"the page has an error slot for {field}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The value attribute of the (first) input named <paramref name="name"/>, decoded; "" when it has none.</summary>
    public static string ValueOf(string html, string name)
    {
        var input = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>");
        input.Success.ShouldBeTrue($"the page has an input {name}");
        var value = ValuePattern().Match(input.Value);
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : "";
    }

    /// <summary>Whether the input named <paramref name="name"/> is marked invalid.</summary>
    public static bool IsInvalid(string html, string name) =>
        Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>").Value.Contains("aria-invalid=\"true\"", StringComparison.Ordinal);

    public static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, html.Length > 2000 ? html[..2000] : html);
        return html;
    }

    public static void ShouldBeDenied(HttpResponseMessage response, string what)
    {
        var denied = response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Accounts/Denied", StringComparison.Ordinal));
        denied.ShouldBeTrue($"{what}: expected 403 or a redirect to Denied, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValuePattern();
}

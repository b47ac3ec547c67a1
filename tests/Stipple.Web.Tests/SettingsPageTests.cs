using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Stipple.Domain;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>The owner's studio settings form: bad input is shown back without saving; good input saves and is used.</summary>
public sealed class SettingsPageTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>
{
    [Fact]
    public async Task Invalid_time_zone_is_shown_back_and_nothing_is_saved()
    {
        var studio = await app.CreateStudioAsync("Settings Old");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);

        var response = await owner.PostFormAsync("/Settings", "/Settings", Form("Brand New Name", "Mars/Olympus", "USD", "en-US"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Time zone is not an IANA time zone");
        html.ShouldContain("value=\"Brand New Name\"");
        html.ShouldContain("value=\"Mars/Olympus\"");

        var saved = await app.InStudioAsync(studio.Id, db => db.Studios.AsNoTracking().SingleAsync());
        saved.Name.ShouldBe("Settings Old");
        saved.TimeZone.ShouldBe("Europe/London");
        saved.Currency.ShouldBe("GBP");
    }

    [Fact]
    public async Task Valid_settings_are_saved_and_the_dashboard_uses_the_new_zone()
    {
        var studio = await app.CreateStudioAsync("Settings Before");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);

        var response = await owner.PostFormAsync("/Settings", "/Settings", Form("Settings After", "America/New_York", "USD", "en-US"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.InStudioAsync(studio.Id, db => db.Studios.AsNoTracking().SingleAsync());
        saved.Name.ShouldBe("Settings After");
        saved.TimeZone.ShouldBe("America/New_York");
        saved.Currency.ShouldBe("USD");
        saved.Locale.ShouldBe("en-US");

        var before = TodayText();
        var dashboard = WebUtility.HtmlDecode(await owner.Client.GetStringAsync("/"));
        var after = TodayText();
        dashboard.ShouldContain(SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["America/New_York"]).Year.ToString(CultureInfo.InvariantCulture));
        (dashboard.Contains(before, StringComparison.Ordinal) || dashboard.Contains(after, StringComparison.Ordinal))
            .ShouldBeTrue($"the dashboard shows today in New York, in en-US: '{before}'");
    }

    [Theory]
    [InlineData("0", "Impressions per minute must be between 1 and 1000.")]
    [InlineData("5000", "Impressions per minute must be between 1 and 1000.")]
    [InlineData("abc", "Impressions per minute must be a number (for example 78 or 82.5).")]
    [InlineData("78.25", "Impressions per minute must have at most one decimal place")]
    [InlineData("", "Impressions per minute is required.")]
    public async Task Bad_impressions_per_minute_is_shown_back_beside_the_field_and_nothing_is_saved(string typed, string message)
    {
        var studio = await app.CreateStudioAsync("Rate Old");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var form = Form("Rate New", "Europe/London", "GBP", "en-GB");
        form["Input.ImpressionsPerMinute"] = typed;

        var response = await owner.PostFormAsync("/Settings", "/Settings", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain(message);
        RateInput(html).ShouldContain($"value=\"{typed}\"");
        html.ShouldContain("value=\"Rate New\"");
        var saved = await app.InStudioAsync(studio.Id, db => db.Studios.AsNoTracking().SingleAsync());
        saved.Name.ShouldBe("Rate Old");
        saved.ImpressionsPerMinute.ShouldBe(Studio.DefaultImpressionsPerMinute);
    }

    [Fact]
    public async Task A_not_a_number_rate_is_reported_together_with_the_other_fields_errors()
    {
        var studio = await app.CreateStudioAsync("Rate Both");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var form = Form("Rate Both", "Mars/Olympus", "GBP", "en-GB");
        form["Input.ImpressionsPerMinute"] = "lots";

        var html = WebUtility.HtmlDecode(await (await owner.PostFormAsync("/Settings", "/Settings", form)).Content.ReadAsStringAsync());

        html.ShouldContain("Impressions per minute must be a number");
        html.ShouldContain("Time zone is not an IANA time zone");
    }

    [Fact]
    public async Task The_form_shows_the_rate_and_saves_a_new_one()
    {
        var studio = await app.CreateStudioAsync("Rate Save");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var page = WebUtility.HtmlDecode(await owner.Client.GetStringAsync("/Settings"));
        RateInput(page).ShouldContain("value=\"78\"");
        var form = Form("Rate Save", "Europe/London", "GBP", "en-GB");
        form["Input.ImpressionsPerMinute"] = " 82.5 ";

        var response = await owner.PostFormAsync("/Settings", "/Settings", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InStudioAsync(studio.Id, db => db.Studios.AsNoTracking().SingleAsync())).ImpressionsPerMinute.ShouldBe(82.5m);
        RateInput(WebUtility.HtmlDecode(await owner.Client.GetStringAsync("/Settings"))).ShouldContain("value=\"82.5\"");
    }

    private static string RateInput(string html) =>
        Regex.Match(html, "<input[^>]*name=\"Input.ImpressionsPerMinute\"[^>]*>") is { Success: true } input
            ? input.Value
            : throw new ShouldAssertException("no impressions-per-minute input on the page");

    private static string TodayText()
    {
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["America/New_York"]).Date;
        return LocalDatePattern.Create("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-US")).Format(today);
    }

    private static Dictionary<string, string> Form(string name, string timeZone, string currency, string locale) => new()
    {
        ["Input.Name"] = name,
        ["Input.TimeZone"] = timeZone,
        ["Input.Currency"] = currency,
        ["Input.Locale"] = locale,
        ["Input.AddressLine1"] = "",
        ["Input.AddressLine2"] = "",
        ["Input.City"] = "",
        ["Input.Region"] = "",
        ["Input.PostalCode"] = "",
        ["Input.Country"] = "",
        ["Input.ImpressionsPerMinute"] = "78",
    };
}

using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
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
    };
}

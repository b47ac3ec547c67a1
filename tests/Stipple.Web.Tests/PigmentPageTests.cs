using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Colour;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>The Pigments pages: the catalogue, a pigment with its lots, forms that keep what was typed, and roles.</summary>
public sealed class PigmentPageTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private TestStudio studio = null!;

    public async Task InitializeAsync() => studio = await app.CreateStudioAsync("Pigment Pages");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_catalogue_shows_swatches_kinds_lots_in_date_and_the_tattoo_ink_warning()
    {
        var today = Today();
        await PigmentTestData.AddPigmentAsync(app, studio.Id, "Page Black", PigmentKind.Smp, ("PB-1", today.PlusDays(40)), ("PB-0", today.PlusDays(-3)));
        await PigmentTestData.AddPigmentAsync(app, studio.Id, "Page Ink", PigmentKind.TattooInk);
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);

        var html = WebUtility.HtmlDecode(await owner.Client.GetStringAsync("/Pigments"));

        var black = Row(html, "Page Black");
        black.ShouldContain($"fill=\"{new Lab(20, 1, 2).ToHex()}\"");
        black.ShouldContain("SMP pigment");
        Text(black).ShouldContain($"1 in date next expires {Short(today.PlusDays(40))} 1 expired");
        var ink = Row(html, "Page Ink");
        ink.ShouldContain("Tattoo ink — blue/green drift risk; not used for SMP");
        ink.ShouldContain("No lots");
        html.ShouldContain("<a href=\"/Pigments\" aria-current=\"page\">Pigments</a>");
    }

    [Fact]
    public async Task A_bad_hex_is_shown_beside_the_swatch_field_with_everything_typed_and_nothing_saved()
    {
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);

        var response = await owner.PostFormAsync("/Pigments", "/Pigments", new()
        {
            ["Input.Manufacturer"] = "Typed Maker",
            ["Input.Product"] = "Typed Product",
            ["Input.Kind"] = "pmu",
            ["Input.Swatch"] = "#12zz34",
            ["Input.Notes"] = "Typed notes stay",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var swatchField = Regex.Match(html, "<label for=\"Input_Swatch\">.*?<span class=\"field-error\">(?<error>.*?)</span>", RegexOptions.Singleline);
        swatchField.Success.ShouldBeTrue("the swatch field has its error span");
        swatchField.Groups["error"].Value.ShouldBe("Swatch must be a colour written #rrggbb, for example #2e2a28.");
        Regex.IsMatch(html, "<input id=\"Input_Swatch\" name=\"Input.Swatch\" value=\"#12zz34\"[^>]*aria-invalid=\"true\"").ShouldBeTrue();
        html.ShouldContain("value=\"Typed Maker\"");
        html.ShouldContain("value=\"Typed Product\"");
        html.ShouldContain("<option value=\"pmu\" selected=\"selected\">");
        html.ShouldContain(">Typed notes stay</textarea>");
        (await app.InStudioAsync(studio.Id, db => db.Pigments.CountAsync(p => p.Manufacturer == "Typed Maker"))).ShouldBe(0);
    }

    [Fact]
    public async Task A_good_pigment_is_added_and_its_page_shows_it()
    {
        var practitioner = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);

        var response = await practitioner.PostFormAsync("/Pigments", "/Pigments", new()
        {
            ["Input.Manufacturer"] = "Form Maker",
            ["Input.Product"] = "Form Brown",
            ["Input.Kind"] = "smp",
            ["Input.Swatch"] = "5A4236",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.InStudioAsync(studio.Id, db => db.Pigments.AsNoTracking().SingleAsync(p => p.Product == "Form Brown"));
        response.Headers.Location!.ToString().ShouldBe($"/Pigments/{saved.Id}");
        saved.Swatch.ToHex().ShouldBe("#5a4236");
        var page = WebUtility.HtmlDecode(await practitioner.Client.GetStringAsync($"/Pigments/{saved.Id}"));
        page.ShouldContain("<h1>Form Brown</h1>");
        page.ShouldContain("fill=\"#5a4236\"");
        page.ShouldContain("Form Brown added. Record its lots below.");
    }

    [Fact]
    public async Task The_pigment_page_marks_expired_lots_with_their_date_and_adds_a_lot()
    {
        var today = Today();
        var (id, _) = await PigmentTestData.AddPigmentAsync(app, studio.Id, "Lot Page", PigmentKind.Smp, ("OLD-1", today.PlusDays(-10)), ("NEW-1", today.PlusDays(100)));
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);

        var html = WebUtility.HtmlDecode(await owner.Client.GetStringAsync($"/Pigments/{id}"));

        var expired = LotRow(html, "OLD-1");
        expired.ShouldContain("class=\"lot-expired\"");
        expired.ShouldContain($"Expired {Short(today.PlusDays(-10))}");
        var current = LotRow(html, "NEW-1");
        current.ShouldNotContain("Expired");
        current.ShouldContain(Short(today.PlusDays(100)));

        var add = await owner.PostFormAsync($"/Pigments/{id}", $"/Pigments/{id}?handler=SaveLot", new()
        {
            ["Lot.LotNumber"] = "ADD-9",
            ["Lot.ExpiresOn"] = "2031-02-28",
            ["Lot.ReachLabelled"] = "true",
            ["Lot.ContainsNickel"] = "true",
            ["Lot.Ingredients"] = "Aqua, CI 77266",
        });
        add.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var lot = await app.InStudioAsync(studio.Id, db => db.PigmentLots.AsNoTracking().SingleAsync(l => l.PigmentId == id && l.LotNumber == "ADD-9"));
        lot.ExpiresOn.ShouldBe(new LocalDate(2031, 2, 28));
        lot.ReachLabelled.ShouldBeTrue();
        lot.ContainsNickel.ShouldBeTrue();
        lot.PhRegulator.ShouldBeFalse();
        var after = WebUtility.HtmlDecode(await owner.Client.GetStringAsync($"/Pigments/{id}"));
        LotRow(after, "ADD-9").ShouldContain("Contains nickel");
    }

    [Fact]
    public async Task A_lot_without_an_expiry_is_shown_back_with_the_error_and_what_was_typed()
    {
        var (id, _) = await PigmentTestData.AddPigmentAsync(app, studio.Id, "Lot Errors", PigmentKind.Smp);
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);

        var response = await owner.PostFormAsync($"/Pigments/{id}", $"/Pigments/{id}?handler=SaveLot", new()
        {
            ["Lot.LotNumber"] = "TYPED-1",
            ["Lot.ExpiresOn"] = "",
            ["Lot.PhRegulator"] = "true",
            ["Lot.Ingredients"] = "Typed ingredients",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Regex.Match(html, "<label for=\"Lot_ExpiresOn\">.*?<span class=\"field-error\">(?<error>.*?)</span>", RegexOptions.Singleline).Groups["error"].Value
            .ShouldBe("Expires on is required.");
        html.ShouldContain("value=\"TYPED-1\"");
        html.ShouldContain(">Typed ingredients</textarea>");
        html.ShouldContain("name=\"Lot.PhRegulator\" value=\"true\" checked=\"checked\"");
        html.ShouldContain("<h1>Lot Errors</h1>");
        (await app.InStudioAsync(studio.Id, db => db.PigmentLots.CountAsync(l => l.PigmentId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task Deleting_a_lot_in_use_is_refused_on_the_page_and_archiving_hides_the_pigment()
    {
        var (id, lots) = await PigmentTestData.AddPigmentAsync(app, studio.Id, "Archive Me", PigmentKind.Smp, ("USED-1", Today().PlusYears(1)), ("SPARE-1", Today().PlusYears(1)));
        await PigmentTestData.AddColourRecordAsync(app, studio.Id, id, lots[0], null);
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);

        var refused = await owner.PostFormAsync($"/Pigments/{id}", $"/Pigments/{id}?handler=DeleteLot&lotId={lots[0]}", []);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("Lot USED-1 cannot be deleted");
        var deleted = await owner.PostFormAsync($"/Pigments/{id}", $"/Pigments/{id}?handler=DeleteLot&lotId={lots[1]}", []);
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InStudioAsync(studio.Id, db => db.PigmentLots.Where(l => l.PigmentId == id).Select(l => l.LotNumber).ToListAsync())).ShouldBe(["USED-1"]);

        (await owner.PostFormAsync($"/Pigments/{id}", $"/Pigments/{id}?handler=Archive", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var archivedPage = WebUtility.HtmlDecode(await owner.Client.GetStringAsync($"/Pigments/{id}"));
        archivedPage.ShouldContain("Archive Me archived: it is hidden from the catalogue and from matching.");
        archivedPage.ShouldContain("<span class=\"badge badge-muted\">Archived</span>");
        archivedPage.ShouldContain("handler=Unarchive");
        (await owner.Client.GetStringAsync("/Pigments")).ShouldNotContain("Archive Me");
        var withArchived = await owner.Client.GetStringAsync("/Pigments?archived=true");
        Row(WebUtility.HtmlDecode(withArchived), "Archive Me").ShouldContain("Archived");
    }

    [Fact]
    public async Task Front_desk_sees_the_catalogue_without_forms_and_cannot_post()
    {
        var (id, _) = await PigmentTestData.AddPigmentAsync(app, studio.Id, "Desk View", PigmentKind.Smp, ("DV-1", Today().PlusYears(1)));
        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);

        var list = await desk.Client.GetStringAsync("/Pigments");
        list.ShouldContain("Desk View");
        list.ShouldNotContain("name=\"Input.Manufacturer\"");
        var page = await desk.Client.GetStringAsync($"/Pigments/{id}");
        page.ShouldContain("DV-1");
        page.ShouldNotContain("handler=DeleteLot");

        var post = await desk.PostFormAsync("/Accounts/Security", "/Pigments", new() { ["Input.Manufacturer"] = "Desk", ["Input.Product"] = "Sneaky", ["Input.Kind"] = "smp", ["Input.Swatch"] = "#202020" });
        var archive = await desk.PostFormAsync("/Accounts/Security", $"/Pigments/{id}?handler=Archive", []);
        foreach (var response in new[] { post, archive })
        {
            var refused = response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Accounts/Denied", StringComparison.Ordinal));
            refused.ShouldBeTrue($"expected 403 or a redirect to Denied, got {(int)response.StatusCode} {response.Headers.Location}");
        }

        (await app.InStudioAsync(studio.Id, db => db.Pigments.CountAsync(p => p.Manufacturer == "Desk"))).ShouldBe(0);
        (await app.InStudioAsync(studio.Id, db => db.Pigments.AsNoTracking().SingleAsync(p => p.Id == id))).ArchivedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Settings_page_shows_bad_dilution_ratios_beside_the_field_and_saves_good_ones_normalised()
    {
        var own = await app.CreateStudioAsync("Dilution Page");
        var owner = await BrowserSession.SignedInAsync(app, own.Owner.Email);
        WebUtility.HtmlDecode(await owner.Client.GetStringAsync("/Settings")).ShouldContain("value=\"1:0, 3:1, 1:1, 1:2, 1:3\"");

        var bad = await owner.PostFormAsync("/Settings", "/Settings", SettingsForm("1:0, 0:2"));
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        html.ShouldContain("The 2nd ratio 0:2 needs at least one part pigment");
        Regex.IsMatch(html, "<input[^>]*name=\"Input.DilutionRatios\"[^>]*value=\"1:0, 0:2\"").ShouldBeTrue();

        var cleared = await owner.PostFormAsync("/Settings", "/Settings", SettingsForm(""));
        WebUtility.HtmlDecode(await cleared.Content.ReadAsStringAsync()).ShouldContain("The list of ratios needs at least one ratio");

        var good = await owner.PostFormAsync("/Settings", "/Settings", SettingsForm("1:3, 1:0, 1:1"));
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InStudioAsync(own.Id, db => db.Studios.AsNoTracking().SingleAsync())).DilutionRatios.ShouldBe("1:0, 1:1, 1:3");
    }

    private static Dictionary<string, string> SettingsForm(string ratios) => new()
    {
        ["Input.Name"] = "Dilution Page",
        ["Input.TimeZone"] = "Europe/London",
        ["Input.Currency"] = "GBP",
        ["Input.Locale"] = "en-GB",
        ["Input.ImpressionsPerMinute"] = "78",
        ["Input.DilutionRatios"] = ratios,
    };

    private static LocalDate Today() => SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;

    private static string Short(LocalDate date) => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>What a person reads: tags dropped, white space collapsed.</summary>
    private static string Text(string html) => Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " ").Trim();

    private static string Row(string html, string text) =>
        Regex.Matches(html, "<tr[^>]*>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).FirstOrDefault(r => r.Contains(text, StringComparison.Ordinal))
            ?? throw new ShouldAssertException($"no table row with '{text}'");

    private static string LotRow(string html, string lotNumber) =>
        Regex.Match(html, $"<tr[^>]*data-lot=\"{Regex.Escape(lotNumber)}\"[^>]*>.*?</tr>", RegexOptions.Singleline) is { Success: true } row
            ? row.Value
            : throw new ShouldAssertException($"no lot row for {lotNumber}");
}

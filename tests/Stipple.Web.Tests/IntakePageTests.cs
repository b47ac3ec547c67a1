using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stipple.Core.Care;
using Stipple.Domain;
using Stipple.Web.Features.Consultations;
using Stipple.Web.Tests.Infrastructure;
using static Stipple.Web.Tests.Infrastructure.CareTestData;

namespace Stipple.Web.Tests;

/// <summary>The intake form at the chair (<c>/Consultations/{id}/Intake</c>) and through a client's link: saved, screened, errors beside their field.</summary>
public sealed class IntakePageTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private TestStudio studio = null!;

    public async Task InitializeAsync() => studio = await app.CreateStudioAsync("Intake Pages");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_practitioner_saves_the_intake_which_is_screened_and_fills_the_next_form()
    {
        var client = studio.Clients[0].Id;
        var consultation = await StartConsultationAsync(app, studio.Id, client);
        var practitioner = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        var stopped = Iso(Today().PlusDays(-60));
        var fields = Form(new() { ["Input.Fitzpatrick"] = "2", ["Input.Undertone"] = "cool", ["Input.Norwood"] = "IIIVertex", ["Input.Medical.Diabetes"] = "true" });
        fields[$"Input.Medications[{Row(MedicationKind.Isotretinoin)}].Taken"] = "true";
        fields[$"Input.Medications[{Row(MedicationKind.Isotretinoin)}].StoppedOn"] = stopped;

        var response = await practitioner.PostFormAsync($"/Consultations/{consultation}/Intake", $"/Consultations/{consultation}/Intake", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().ShouldBe($"/Consultations/{consultation}");
        var intake = await app.InStudioAsync(studio.Id, db => db.Intakes.AsNoTracking().SingleAsync(i => i.ClientId == client));
        intake.Source.ShouldBe(IntakeSource.Staff);
        intake.SubmittedBy.ShouldBe(studio.Practitioner.Id);
        (await app.InStudioAsync(studio.Id, db => db.Consultations.AsNoTracking().SingleAsync(c => c.Id == consultation))).ScreeningOutcome.ShouldBe("DeferUntil");
        var page = WebUtility.HtmlDecode(await practitioner.Client.GetStringAsync($"/Consultations/{consultation}"));
        page.ShouldContain("Intake saved and screened.");
        page.ShouldContain($"Isotretinoin was stopped on {stopped}");
        page.ShouldContain("Has diabetes");

        var next = WebUtility.HtmlDecode(await practitioner.Client.GetStringAsync($"/Consultations/{consultation}/Intake"));
        next.ShouldContain($"value=\"{stopped}\"");
        next.ShouldContain("<option value=\"IIIVertex\" selected=\"selected\">");
        Regex.IsMatch(next, "name=\"Input.Medical.Diabetes\" value=\"true\" checked=\"checked\"").ShouldBeTrue();
    }

    [Fact]
    public async Task A_bad_date_is_shown_beside_its_medicine_with_what_was_typed_and_nothing_is_stored()
    {
        var client = studio.Clients[1].Id;
        var consultation = await StartConsultationAsync(app, studio.Id, client);
        var practitioner = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        var row = Row(MedicationKind.Chemotherapy);
        var fields = Form(new() { ["Input.Fitzpatrick"] = "5", ["Input.Undertone"] = "warm" });
        fields[$"Input.Medications[{row}].Taken"] = "true";
        fields[$"Input.Medications[{row}].Name"] = "FOLFOX";
        fields[$"Input.Medications[{row}].StoppedOn"] = "last spring";

        var response = await practitioner.PostFormAsync($"/Consultations/{consultation}/Intake", $"/Consultations/{consultation}/Intake", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        FieldError(html, $"med-{row}-stop").ShouldBe("must be a date like 2026-05-31.");
        html.ShouldContain("value=\"last spring\"");
        html.ShouldContain("value=\"FOLFOX\"");
        html.ShouldContain("<option value=\"5\" selected=\"selected\">");
        (await app.InStudioAsync(studio.Id, db => db.Intakes.CountAsync(i => i.ClientId == client))).ShouldBe(0);
    }

    [Fact]
    public async Task A_screening_error_on_a_medicine_is_shown_beside_that_medicine_not_the_first_one()
    {
        var consultation = await StartConsultationAsync(app, studio.Id, studio.Clients[1].Id);
        var practitioner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var row = Row(MedicationKind.Antiplatelet);
        var fields = Form(new() { ["Input.Fitzpatrick"] = "3", ["Input.Undertone"] = "neutral" });
        fields[$"Input.Medications[{row}].Taken"] = "true";
        fields[$"Input.Medications[{row}].StartedOn"] = "2025-05-01";
        fields[$"Input.Medications[{row}].StoppedOn"] = "2025-04-01";

        var response = await practitioner.PostFormAsync($"/Consultations/{consultation}/Intake", $"/Consultations/{consultation}/Intake", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        FieldError(html, $"med-{row}-stop").ShouldBe("must not be before startedOn");
        FieldError(html, $"med-{Row(MedicationKind.Isotretinoin)}-stop").ShouldBeEmpty();
    }

    [Fact]
    public async Task Front_desk_cannot_fill_the_intake()
    {
        var consultation = await StartConsultationAsync(app, studio.Id, studio.Clients[0].Id);
        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);

        var response = await desk.Client.GetAsync($"/Consultations/{consultation}/Intake");

        var refused = response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Accounts/Denied", StringComparison.Ordinal));
        refused.ShouldBeTrue($"expected 403 or a redirect to Denied, got {(int)response.StatusCode} {response.Headers.Location}");
        (await desk.Client.GetAsync($"/Consultations/{consultation}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_clients_link_shows_a_missing_answer_beside_its_field_and_stays_open()
    {
        var consultation = await StartConsultationAsync(app, studio.Id, studio.Clients[0].Id);
        var token = await CreateLinkAsync(app, studio.Id, consultation);
        var session = BrowserSession.Create(app);

        var incomplete = await session.PostFormAsync($"/c/{token}", $"/c/{token}", Form(new() { ["Input.Undertone"] = "warm" }));

        incomplete.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await incomplete.Content.ReadAsStringAsync());
        Regex.Match(html, "<label for=\"Input_Fitzpatrick\">.*?<span class=\"field-error\">(?<error>.*?)</span>", RegexOptions.Singleline).Groups["error"].Value
            .ShouldContain("Fitzpatrick type from 1 (I) to 6 (VI)");
        html.ShouldContain("<option value=\"warm\" selected=\"selected\">");
        (await app.InStudioAsync(studio.Id, db => db.ClientLinks.AsNoTracking().SingleAsync(l => l.ConsultationId == consultation))).UsedAt.ShouldBeNull();

        var complete = await session.PostFormAsync($"/c/{token}", $"/c/{token}", Form(new() { ["Input.Fitzpatrick"] = "3", ["Input.Undertone"] = "warm" }));

        WebUtility.HtmlDecode(await complete.Content.ReadAsStringAsync()).ShouldContain("Thank you");
        (await app.InStudioAsync(studio.Id, db => db.ClientLinks.AsNoTracking().SingleAsync(l => l.ConsultationId == consultation))).UsedAt.ShouldNotBeNull();
    }

    /// <summary>The form's fields as a browser posts them: every medicine row's hidden kind, plus <paramref name="fields"/>.</summary>
    private static Dictionary<string, string> Form(Dictionary<string, string> fields)
    {
        for (var i = 0; i < IntakeFormInput.MedicationRows.Count; i++)
        {
            fields[$"Input.Medications[{i}].Kind"] = IntakeFormInput.MedicationRows[i].ToString();
        }

        return fields;
    }

    private static int Row(MedicationKind kind) => IntakeFormInput.MedicationRows.ToList().IndexOf(kind);

    /// <summary>The error text shown under the input with this id ("" when none).</summary>
    private static string FieldError(string html, string inputId) =>
        Regex.Match(html, $"<input id=\"{Regex.Escape(inputId)}\"[^>]*>\\s*<span class=\"field-error\">(?<error>.*?)</span>", RegexOptions.Singleline) is { Success: true } match
            ? match.Groups["error"].Value
            : throw new ShouldAssertException($"no input {inputId} with an error span");
}

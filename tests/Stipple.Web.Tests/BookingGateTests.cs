using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Stipple.Core.Care;
using Stipple.Web.Features.Screening;
using Stipple.Web.Tests.Infrastructure;
using static Stipple.Web.Tests.Infrastructure.CareTestData;

namespace Stipple.Web.Tests;

/// <summary><c>GET /api/v1/screening/clients/{id}/gate</c>: whether a client may be booked for an SMP session on a day.</summary>
public sealed class BookingGateTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private TestStudio studio = null!;
    private string key = "";

    public async Task InitializeAsync()
    {
        studio = await app.CreateStudioAsync("Gate");
        key = await app.CreateApiKeyAsync(studio.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_client_with_no_intake_is_blocked_until_screened()
    {
        var client = await NewClientAsync();

        var gate = await GateAsync(client);

        gate.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        gate.GetProperty("outcome").ValueKind.ShouldBe(JsonValueKind.Null);
        gate.GetProperty("allowedFrom").ValueKind.ShouldBe(JsonValueKind.Null);
        gate.GetProperty("reasons").EnumerateArray().ShouldHaveSingleItem().GetString()!.ShouldContain("No intake yet");
    }

    [Fact]
    public async Task A_pregnancy_is_a_hard_stop_with_no_date()
    {
        var client = await ScreenedClientAsync(Clean() with { Medical = new MedicalAnswers { Pregnant = true } });

        var gate = await GateAsync(client);

        gate.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        gate.GetProperty("outcome").GetString().ShouldBe("HardStop");
        gate.GetProperty("allowedFrom").ValueKind.ShouldBe(JsonValueKind.Null);
        gate.GetProperty("reasons").EnumerateArray().ShouldHaveSingleItem().GetString()!.ShouldContain("Pregnant");
        (await GateAsync(client, Today().PlusYears(2))).GetProperty("allowed").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Isotretinoin_stopped_60_days_ago_blocks_until_stop_plus_180_and_allows_that_day()
    {
        var stopped = Today().PlusDays(-60);
        var client = await ScreenedClientAsync(Clean() with { Medications = [new Medication { Kind = MedicationKind.Isotretinoin, StoppedOn = stopped }] });
        var firstDay = stopped.PlusDays(180);

        var today = await GateAsync(client);
        today.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        today.GetProperty("outcome").GetString().ShouldBe("DeferUntil");
        today.GetProperty("allowedFrom").GetString().ShouldBe(Iso(firstDay));
        today.GetProperty("sessionDay").GetString().ShouldBe(Iso(Today()));
        today.GetProperty("reasons").EnumerateArray().ShouldHaveSingleItem().GetString()!.ShouldContain($"the first possible SMP day is {Iso(firstDay)}");

        var lastDeferred = await GateAsync(client, firstDay.PlusDays(-1));
        lastDeferred.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        lastDeferred.GetProperty("allowedFrom").GetString().ShouldBe(Iso(firstDay));

        var onTheDay = await GateAsync(client, firstDay);
        onTheDay.GetProperty("allowed").GetBoolean().ShouldBeTrue();
        onTheDay.GetProperty("sessionDay").GetString().ShouldBe(Iso(firstDay));
        onTheDay.GetProperty("reasons").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task An_anticoagulant_needs_a_clearance_document_and_then_the_client_can_be_booked()
    {
        var client = await ScreenedClientAsync(Clean() with { Medications = [new Medication { Kind = MedicationKind.Anticoagulant, Name = "Apixaban" }] });

        var before = await GateAsync(client);
        before.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        before.GetProperty("outcome").GetString().ShouldBe("NeedsMedicalClearance");
        before.GetProperty("allowedFrom").ValueKind.ShouldBe(JsonValueKind.Null);
        before.GetProperty("reasons").EnumerateArray().ShouldHaveSingleItem().GetString()!.ShouldContain("Upload the doctor's clearance");

        using var api = app.CreateApiClient(key);
        var clearance = await PhotoTestData.UploadClearanceAsync(api, client);

        (await GateAsync(client)).GetProperty("allowed").GetBoolean().ShouldBeTrue();
        var listed = (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/clients/{client}/clearances"))!.ShouldHaveSingleItem();
        listed.GetProperty("id").GetGuid().ShouldBe(clearance);
        listed.GetProperty("fileName").GetString().ShouldBe("GP letter.pdf");
        listed.GetProperty("note").GetString().ShouldBe("Dr Patel: fine for SMP");
        var document = await api.GetAsync($"/api/v1/clearances/{clearance}");
        document.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        document.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await document.Content.ReadAsByteArrayAsync()).ShouldBe(PhotoTestData.ClearancePdf);
    }

    [Fact]
    public async Task A_clearance_filed_before_the_latest_intake_does_not_cover_it()
    {
        var anticoagulant = Clean() with { Medications = [new Medication { Kind = MedicationKind.Anticoagulant }] };
        var client = await ScreenedClientAsync(anticoagulant);
        using var api = app.CreateApiClient(key);
        await PhotoTestData.UploadClearanceAsync(api, client);
        (await GateAsync(client)).GetProperty("allowed").GetBoolean().ShouldBeTrue();

        var consultation = await StartConsultationAsync(app, studio.Id, client);
        await SubmitIntakeAsync(app, studio.Id, consultation, anticoagulant with { Medical = new MedicalAnswers { Diabetes = true } });

        var gate = await GateAsync(client);
        gate.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        gate.GetProperty("outcome").GetString().ShouldBe("NeedsMedicalClearance");
    }

    [Fact]
    public async Task A_clean_intake_is_allowed()
    {
        var client = await ScreenedClientAsync(Clean());

        var gate = await GateAsync(client);

        gate.GetProperty("allowed").GetBoolean().ShouldBeTrue();
        gate.GetProperty("outcome").GetString().ShouldBe("Ok");
        gate.GetProperty("reasons").GetArrayLength().ShouldBe(0);
        gate.GetProperty("allowedFrom").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_intake_is_stored_and_its_screening_recorded_on_the_consultation()
    {
        var client = await NewClientAsync();
        var consultation = await StartConsultationAsync(app, studio.Id, client);

        var outcome = await SubmitIntakeAsync(app, studio.Id, consultation, Clean() with { Medical = new MedicalAnswers { Epilepsy = true } });

        outcome.Screening.Overall.ShouldBe(ScreeningOutcome.NeedsMedicalClearance);
        var saved = await app.InStudioAsync(studio.Id, db => db.Consultations.AsNoTracking().SingleAsync(c => c.Id == consultation));
        saved.IntakeId.ShouldBe(outcome.IntakeId);
        saved.ScreeningOutcome.ShouldBe("NeedsMedicalClearance");
        (await app.InStudioAsync(studio.Id, db => db.Intakes.CountAsync(i => i.ClientId == client))).ShouldBe(1);
    }

    [Fact]
    public async Task The_client_page_and_the_consultation_page_show_the_gate()
    {
        var stopped = Today().PlusDays(-60);
        var client = await ScreenedClientAsync(Clean() with { Medications = [new Medication { Kind = MedicationKind.Isotretinoin, StoppedOn = stopped }] });
        var consultation = await app.InStudioAsync(studio.Id, db => db.Consultations.Where(c => c.ClientId == client).Select(c => c.Id).SingleAsync());
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);

        var clientPage = WebUtility.HtmlDecode(await owner.Client.GetStringAsync($"/Clients/{client}"));
        var consultationPage = WebUtility.HtmlDecode(await owner.Client.GetStringAsync($"/Consultations/{consultation}"));

        clientPage.ShouldContain("No SMP session before");
        clientPage.ShouldContain("Isotretinoin was stopped on " + Iso(stopped));
        consultationPage.ShouldContain("Isotretinoin was stopped on " + Iso(stopped));
    }

    [Fact]
    public async Task Raising_the_studios_minimum_age_blocks_a_younger_client_until_the_birthday()
    {
        var strict = await app.CreateStudioAsync("Gate Strict");
        using var api = app.CreateApiClient(await app.CreateApiKeyAsync(strict.Id));
        var born = Today().PlusYears(-19);
        var created = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Young", familyName = "Adult", dateOfBirth = Iso(born) });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var client = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await SubmitIntakeAsync(app, strict.Id, await StartConsultationAsync(app, strict.Id, client), Clean(born));
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/screening/clients/{client}/gate")).GetProperty("allowed").GetBoolean().ShouldBeTrue();

        await app.InStudioServicesAsync(strict.Id, services =>
            services.GetRequiredService<ScreeningService>().SaveSettingsAsync(ScreeningSettings.Default with { MinimumAge = 21 }, CancellationToken.None));

        var gate = await api.GetFromJsonAsync<JsonElement>($"/api/v1/screening/clients/{client}/gate");
        gate.GetProperty("allowed").GetBoolean().ShouldBeFalse();
        gate.GetProperty("outcome").GetString().ShouldBe("HardStop");
        gate.GetProperty("reasons").EnumerateArray().ShouldHaveSingleItem().GetString()!.ShouldContain($"turns 21 on {Iso(born.PlusYears(21))}");
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/screening/clients/{client}/gate?on={Iso(born.PlusYears(21))}")).GetProperty("allowed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_bad_day_is_a_problem_naming_on_and_an_unknown_client_is_404()
    {
        using var api = app.CreateApiClient(key);

        (await ProblemAsync(await api.GetAsync($"/api/v1/screening/clients/{studio.Clients[0].Id}/gate?on=next-tuesday"))).Keys.ShouldBe(["on"]);
        (await api.GetAsync($"/api/v1/screening/clients/{Guid.NewGuid()}/gate")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<Guid> NewClientAsync()
    {
        using var api = app.CreateApiClient(key);
        var response = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Gate", familyName = $"Client{Guid.NewGuid():N}"[..20], dateOfBirth = StippleAppFactory.AdultDateOfBirth });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A new client with a consultation today whose intake is <paramref name="intake"/>.</summary>
    private async Task<Guid> ScreenedClientAsync(Intake intake)
    {
        var client = await NewClientAsync();
        var consultation = await StartConsultationAsync(app, studio.Id, client);
        await SubmitIntakeAsync(app, studio.Id, consultation, intake);
        return client;
    }

    private async Task<JsonElement> GateAsync(Guid clientId, LocalDate? on = null)
    {
        using var api = app.CreateApiClient(key);
        var response = await api.GetAsync($"/api/v1/screening/clients/{clientId}/gate" + (on is { } day ? "?on=" + Iso(day) : ""));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

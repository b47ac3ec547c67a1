using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NodaTime;
using Stipple.Core.Care;
using Stipple.Web.Tests.Infrastructure;
using static Stipple.Web.Tests.Infrastructure.CareTestData;

namespace Stipple.Web.Tests;

/// <summary><c>POST /api/v1/screening/evaluate</c>: every rule, every waiting period's boundary, studio settings, bad intakes.</summary>
public sealed class ScreeningApiTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    /// <summary>The day judged: fixed and in the past, so every date in these intakes passes the "not in the future" checks.</summary>
    private static readonly LocalDate On = new(2025, 9, 1);

    private TestStudio studio = null!;
    private string key = "";

    public static TheoryData<string> RuleIds { get; } = new(ScreeningRules.All.Select(r => r.Id));

    public async Task InitializeAsync()
    {
        studio = await app.CreateStudioAsync("Screening Api");
        key = await app.CreateApiKeyAsync(studio.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_clean_intake_is_ok_with_only_the_age_checked()
    {
        var result = await EvaluateAsync(Clean(), On);

        result.GetProperty("overall").GetString().ShouldBe("Ok");
        result.GetProperty("on").GetString().ShouldBe("2025-09-01");
        var finding = result.GetProperty("findings").EnumerateArray().ShouldHaveSingleItem();
        finding.GetProperty("rule").GetString().ShouldBe(ScreeningRules.Age);
        finding.GetProperty("outcome").GetString().ShouldBe("Ok");
        result.GetProperty("deferredUntil").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task Each_rule_triggered_by_a_minimal_intake_gives_its_id_and_outcome(string ruleId)
    {
        var rule = ScreeningRules.Find(ruleId)!;

        var result = await EvaluateAsync(Triggering(ruleId), On);

        var findings = result.GetProperty("findings").EnumerateArray().ToList();
        var finding = findings.Where(f => IsRule(f, ruleId)).ShouldHaveSingleItem();
        finding.GetProperty("outcome").GetString().ShouldBe(rule.DefaultOutcome.ToString());
        finding.GetProperty("source").GetString().ShouldBe(rule.Source);
        finding.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
        result.GetProperty("overall").GetString().ShouldBe(rule.DefaultOutcome.ToString());
        // Minimal: nothing else in the intake raised anything.
        findings.Where(f => !IsRule(f, ruleId))
            .Select(f => f.GetProperty("outcome").GetString()).ShouldAllBe(outcome => outcome == "Ok");
    }

    [Fact]
    public async Task Isotretinoin_stopped_60_days_before_is_deferred_to_stop_plus_180_and_the_reason_says_so()
    {
        var stopped = On.PlusDays(-60);

        var result = await EvaluateAsync(Medicine(MedicationKind.Isotretinoin, stoppedOn: stopped), On);

        var finding = Finding(result, ScreeningRules.Isotretinoin);
        finding.GetProperty("outcome").GetString().ShouldBe("DeferUntil");
        finding.GetProperty("until").GetString().ShouldBe(Iso(stopped.PlusDays(180)));
        var reason = finding.GetProperty("reason").GetString()!;
        reason.ShouldContain("Isotretinoin");
        reason.ShouldContain(Iso(stopped));
        reason.ShouldContain("180 days");
        reason.ShouldContain(Iso(stopped.PlusDays(180)));
        result.GetProperty("deferredUntil").GetString().ShouldBe(Iso(stopped.PlusDays(180)));
    }

    [Theory]
    [InlineData(ScreeningRules.Isotretinoin, 180)]
    [InlineData(ScreeningRules.Chemotherapy, 180)]
    [InlineData(ScreeningRules.LaserRemoval, 90)]
    [InlineData(ScreeningRules.Transplant, 180)]
    public async Task A_wait_still_defers_on_its_last_day_and_is_over_the_day_after(string ruleId, int defaultWaitDays)
    {
        var eventDay = new LocalDate(2024, 11, 5);
        var intake = EventOn(ruleId, eventDay);
        var firstAllowed = eventDay.PlusDays(defaultWaitDays);

        var lastDeferred = Finding(await EvaluateAsync(intake, firstAllowed.PlusDays(-1)), ruleId);
        lastDeferred.GetProperty("outcome").GetString().ShouldBe("DeferUntil");
        lastDeferred.GetProperty("until").GetString().ShouldBe(Iso(firstAllowed));

        var over = await EvaluateAsync(intake, firstAllowed);
        Finding(over, ruleId).GetProperty("outcome").GetString().ShouldBe("Ok");
        Finding(over, ruleId).GetProperty("until").ValueKind.ShouldBe(JsonValueKind.Null);
        over.GetProperty("overall").GetString().ShouldBe("Ok");
    }

    [Fact]
    public async Task Chemotherapy_starting_within_the_look_ahead_defers_and_just_beyond_it_warns()
    {
        var within = Finding(await EvaluateAsync(Medicine(MedicationKind.Chemotherapy, startedOn: On.PlusDays(28)), On), ScreeningRules.ChemotherapyUpcoming);
        within.GetProperty("outcome").GetString().ShouldBe("DeferUntil");

        var beyond = Finding(await EvaluateAsync(Medicine(MedicationKind.Chemotherapy, startedOn: On.PlusDays(29)), On), ScreeningRules.ChemotherapyUpcoming);
        beyond.GetProperty("outcome").GetString().ShouldBe("Warn");
    }

    [Fact]
    public async Task The_studios_saved_wait_changes_the_date_and_other_studios_keep_theirs()
    {
        var own = await app.CreateStudioAsync("Long Wait");
        var ownKey = await app.CreateApiKeyAsync(own.Id);
        var stopped = On.PlusDays(-60);
        var intake = Medicine(MedicationKind.Isotretinoin, stoppedOn: stopped);
        var owner = await BrowserSession.SignedInAsync(app, own.Owner.Email);

        var saved = await owner.PostFormAsync("/Settings/Screening", "/Settings/Screening", new()
        {
            ["Numbers[minimumAge]"] = "18",
            ["Numbers[isotretinoinWaitDays]"] = "365",
            ["Numbers[chemotherapyWaitDays]"] = "180",
            ["Numbers[chemotherapyLookaheadDays]"] = "28",
            ["Numbers[laserRemovalWaitDays]"] = "90",
            ["Numbers[transplantWaitDays]"] = "180",
        });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var longWait = Finding(await EvaluateAsync(intake, On, ownKey), ScreeningRules.Isotretinoin);
        longWait.GetProperty("until").GetString().ShouldBe(Iso(stopped.PlusDays(365)));
        longWait.GetProperty("reason").GetString()!.ShouldContain("365 days");
        var lastDay = Finding(await EvaluateAsync(intake, stopped.PlusDays(364), ownKey), ScreeningRules.Isotretinoin);
        lastDay.GetProperty("outcome").GetString().ShouldBe("DeferUntil");
        Finding(await EvaluateAsync(intake, On), ScreeningRules.Isotretinoin).GetProperty("until").GetString().ShouldBe(Iso(stopped.PlusDays(180)));
    }

    [Fact]
    public async Task An_out_of_range_wait_is_refused_by_the_settings_page_and_nothing_changes()
    {
        var own = await app.CreateStudioAsync("Short Wait");
        var owner = await BrowserSession.SignedInAsync(app, own.Owner.Email);

        var refused = await owner.PostFormAsync("/Settings/Screening", "/Settings/Screening", new()
        {
            ["Numbers[minimumAge]"] = "18",
            ["Numbers[isotretinoinWaitDays]"] = "30",
            ["Numbers[chemotherapyWaitDays]"] = "180",
            ["Numbers[chemotherapyLookaheadDays]"] = "28",
            ["Numbers[laserRemovalWaitDays]"] = "90",
            ["Numbers[transplantWaitDays]"] = "180",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.ShouldContain("must be between 90 and 365 days");
        html.ShouldContain("value=\"30\"");
        using var client = app.CreateApiClient(await app.CreateApiKeyAsync(own.Id));
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/screening/settings")).GetProperty("isotretinoinWaitDays").GetInt32().ShouldBe(180);
    }

    [Theory]
    [InlineData("""{"dateOfBirth": "1985-06-15", "skin": {"fitzpatrick": 9, "undertone": "Neutral"}}""", "intake.skin.fitzpatrick", "1 (I) to 6 (VI)")]
    [InlineData("""{"dateOfBirth": "1985-06-15", "skin": {"fitzpatrick": 3, "undertone": "Purple"}}""", "intake.skin.undertone", "not valid")]
    [InlineData("""{"dateOfBirth": "1985-06-15", "skin": {"fitzpatrick": 3, "undertone": "Neutral"}, "classification": {"norwood": "VIII"}}""", "intake.classification.norwood", "not valid")]
    [InlineData("""{"dateOfBirth": "1985-02-30", "skin": {"fitzpatrick": 3, "undertone": "Neutral"}}""", "intake.dateOfBirth", "not valid")]
    [InlineData("""{"dateOfBirth": 19850615, "skin": {"fitzpatrick": 3, "undertone": "Neutral"}}""", "intake.dateOfBirth", "not valid")]
    [InlineData("""{"dateOfBirth": "1985-06-15", "skin": {"fitzpatrick": 3, "undertone": "Neutral"}, "medications": [{"kind": "Isotretinoin", "stoppedOn": "last spring"}]}""", "intake.medications[0].stoppedOn", "not valid")]
    [InlineData("""{"dateOfBirth": "1985-06-15", "skin": {"fitzpatrick": 3, "undertone": "Neutral"}, "medications": [{"kind": "Isotretinoin", "startedOn": "2024-05-01", "stoppedOn": "2024-04-01"}]}""", "intake.medications[0].stoppedOn", "before startedOn")]
    [InlineData("""{"dateOfBirth": "2999-01-01", "skin": {"fitzpatrick": 3, "undertone": "Neutral"}}""", "intake.dateOfBirth", "future")]
    [InlineData("""{"skin": {"fitzpatrick": 3, "undertone": "Neutral"}}""", "intake.dateOfBirth", "required")]
    public async Task A_bad_intake_is_a_400_problem_naming_the_field(string intakeJson, string field, string message)
    {
        using var client = app.CreateApiClient(key);
        using var content = new StringContent($$"""{"intake": {{intakeJson}}, "on": "2025-09-01"}""", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/v1/screening/evaluate", content);

        var errors = await ProblemAsync(response);
        errors.Keys.ShouldContain(field);
        errors[field].ShouldContain(m => m.Contains(message, StringComparison.Ordinal), $"{field}: {string.Join(" | ", errors[field])}");
    }

    [Fact]
    public async Task A_missing_intake_is_a_400_naming_it()
    {
        using var client = app.CreateApiClient(key);

        var response = await client.PostAsJsonAsync("/api/v1/screening/evaluate", new { on = "2025-09-01" });

        (await ProblemAsync(response)).Keys.ShouldBe(["intake"]);
    }

    [Fact]
    public async Task Without_a_day_the_studios_today_is_judged()
    {
        var result = await EvaluateAsync(Clean(), null);

        result.GetProperty("on").GetString().ShouldBe(Iso(Today()));
    }

    [Fact]
    public async Task The_OpenApi_document_describes_the_screening_endpoints()
    {
        using var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/v1/screening/evaluate", out var evaluate).ShouldBeTrue();
        evaluate.TryGetProperty("post", out _).ShouldBeTrue();
        paths.EnumerateObject().Select(p => p.Name).ShouldContain("/api/v1/screening/clients/{clientId}/gate");
    }

    /// <summary>The smallest intake that makes <paramref name="ruleId"/> fire on <see cref="On"/>; a new rule needs a line here.</summary>
    private static Intake Triggering(string ruleId)
    {
        var clean = Clean();
        return ruleId switch
        {
            ScreeningRules.Age => Clean(On.PlusYears(-17)),
            ScreeningRules.Pregnancy => clean with { Medical = new MedicalAnswers { Pregnant = true } },
            ScreeningRules.Breastfeeding => clean with { Medical = new MedicalAnswers { Breastfeeding = true } },
            ScreeningRules.PigmentAllergy => clean with { Medical = new MedicalAnswers { PigmentAllergy = true } },
            ScreeningRules.UnderInfluence => clean with { Medical = new MedicalAnswers { UnderInfluence = true } },
            ScreeningRules.SkinCondition => clean with { Medical = new MedicalAnswers { ActiveSkinCondition = true } },
            ScreeningRules.ScalpInjury => clean with { Medical = new MedicalAnswers { ScalpInjuryOrSunburn = true } },
            ScreeningRules.Isotretinoin or ScreeningRules.Chemotherapy or ScreeningRules.LaserRemoval or ScreeningRules.Transplant =>
                EventOn(ruleId, On.PlusDays(-30)),
            ScreeningRules.ChemotherapyUpcoming => Medicine(MedicationKind.Chemotherapy, startedOn: On.PlusDays(10)),
            ScreeningRules.Anticoagulants => Medicine(MedicationKind.Anticoagulant),
            ScreeningRules.BleedingDisorder => clean with { Medical = new MedicalAnswers { BleedingDisorder = true } },
            ScreeningRules.Diabetes => clean with { Medical = new MedicalAnswers { Diabetes = true } },
            ScreeningRules.Heart => clean with { Medical = new MedicalAnswers { HeartCondition = true } },
            ScreeningRules.Valve => clean with { Medical = new MedicalAnswers { ValveCondition = true } },
            ScreeningRules.Immune => clean with { Medical = new MedicalAnswers { ImmuneCondition = true } },
            ScreeningRules.Epilepsy => clean with { Medical = new MedicalAnswers { Epilepsy = true } },
            ScreeningRules.Keloid => clean with { Medical = new MedicalAnswers { KeloidTendency = true } },
            ScreeningRules.ProgressingLoss => clean with { Classification = new HairLossClassification { Progressing = true } },
            ScreeningRules.TemporaryAlopecia => clean with { Classification = new HairLossClassification { Other = [OtherCondition.AlopeciaAreata] } },
            ScreeningRules.ScarTissue => clean with { Classification = new HairLossClassification { Other = [OtherCondition.FutScar] } },
            ScreeningRules.NoShave => clean with { Goals = [TreatmentGoal.DensityAmongHair] },
            ScreeningRules.OtherAllergies => clean with { Medical = new MedicalAnswers { OtherAllergies = true } },
            ScreeningRules.OtherScalpCondition => clean with { Medical = new MedicalAnswers { OtherScalpCondition = true } },
            ScreeningRules.TopicalMedication => Medicine(MedicationKind.TopicalRetinoidOrSteroid),
            ScreeningRules.StudioQuestion => clean with
            {
                StudioAnswers = [new StudioAnswer { Key = "recent-fillers", Question = "Fillers in the last month?", Yes = true, ReviewWhenYes = true }],
            },
            _ => throw new ShouldAssertException($"No triggering intake for the new rule '{ruleId}': add one to this test."),
        };
    }

    /// <summary>An intake whose one event (a stopped medicine, a laser session, a transplant) is on <paramref name="day"/>.</summary>
    private static Intake EventOn(string ruleId, LocalDate day) => ruleId switch
    {
        ScreeningRules.Isotretinoin => Medicine(MedicationKind.Isotretinoin, stoppedOn: day),
        ScreeningRules.Chemotherapy => Medicine(MedicationKind.Chemotherapy, startedOn: day.PlusDays(-90), stoppedOn: day),
        ScreeningRules.LaserRemoval => Clean() with { History = new TreatmentHistory { LaserRemovalOn = day } },
        ScreeningRules.Transplant => Clean() with { History = new TreatmentHistory { TransplantOn = day } },
        _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "not a waiting-period rule"),
    };

    private static Intake Medicine(MedicationKind kind, LocalDate? startedOn = null, LocalDate? stoppedOn = null) =>
        Clean() with { Medications = [new Medication { Kind = kind, StartedOn = startedOn, StoppedOn = stoppedOn }] };

    private static JsonElement Finding(JsonElement result, string ruleId) =>
        result.GetProperty("findings").EnumerateArray().Where(f => IsRule(f, ruleId)).ShouldHaveSingleItem();

    private static bool IsRule(JsonElement finding, string ruleId) => string.Equals(finding.GetProperty("rule").GetString(), ruleId, StringComparison.Ordinal);

    private async Task<JsonElement> EvaluateAsync(Intake intake, LocalDate? on, string? apiKey = null)
    {
        using var client = app.CreateApiClient(apiKey ?? key);
        var response = await client.PostAsJsonAsync("/api/v1/screening/evaluate", EvaluateBody(intake, on));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

using System.Text.Json;
using NodaTime;
using Stipple.Core.Care;
using Stipple.Core.Colour;
using static Stipple.Core.Tests.Care.Intakes;

namespace Stipple.Core.Tests.Care;

public sealed class CareJsonTests
{
    private static readonly Intake Rich = new()
    {
        DateOfBirth = new LocalDate(1984, 2, 29),
        Classification = new HairLossClassification
        {
            Norwood = NorwoodStage.IIIVertex,
            Ludwig = LudwigGrade.II,
            Savin = SavinGrade.Frontal,
            Other = [OtherCondition.FueScars, OtherCondition.DiffuseThinning],
            Progressing = true,
        },
        Goals = [TreatmentGoal.DensityAmongHair, TreatmentGoal.ScarCamouflage],
        Medical = new MedicalAnswers { PigmentAllergy = true, NegativePatchTestDocumented = true, Diabetes = true, ValveCondition = true },
        Medications =
        [
            new Medication { Kind = MedicationKind.Isotretinoin, Name = "Roaccutane", StartedOn = new LocalDate(2025, 9, 1), StoppedOn = new LocalDate(2026, 3, 1) },
            new Medication { Kind = MedicationKind.Antiplatelet, Name = "aspirin" },
        ],
        Skin = new SkinProfile { Fitzpatrick = 4, Undertone = Undertone.Warm },
        History = new TreatmentHistory { PreviousSmp = true, LaserRemovalOn = new LocalDate(2026, 1, 5) },
        Hair = new HairState { IntactHairline = true, LongEnoughToCover = true },
        StudioAnswers = [new StudioAnswer { Key = "fainting", Question = "Ever fainted?", Yes = true, ReviewWhenYes = true, Details = "Once, 2019" }],
    };

    [Fact]
    public void A_rich_intake_round_trips()
    {
        var json = JsonSerializer.Serialize(Rich, CareJson.Options);
        var back = JsonSerializer.Deserialize<Intake>(json, CareJson.Options).ShouldNotBeNull();

        JsonSerializer.Serialize(back, CareJson.Options).ShouldBe(json);
        back.DateOfBirth.ShouldBe(Rich.DateOfBirth);
        back.Classification.Other.ShouldBe(Rich.Classification.Other);
        back.Goals.ShouldBe(Rich.Goals);
        back.Medical.ShouldBe(Rich.Medical);
        back.Medications.ShouldBe(Rich.Medications);
        back.Skin.ShouldBe(Rich.Skin);
        back.History.ShouldBe(Rich.History);
        back.Hair.ShouldBe(Rich.Hair);
        back.StudioAnswers.ShouldBe(Rich.StudioAnswers);
        Evaluate(back).ShouldBe(Evaluate(Rich));
    }

    [Fact]
    public void The_format_is_camel_case_with_enum_names_and_iso_dates()
    {
        var json = JsonSerializer.Serialize(Rich, CareJson.Options);

        json.ShouldContain("\"dateOfBirth\":\"1984-02-29\"");
        json.ShouldContain("\"norwood\":\"IIIVertex\"");
        json.ShouldContain("\"other\":[\"FueScars\",\"DiffuseThinning\"]");
        json.ShouldContain("\"kind\":\"Isotretinoin\"");
        json.ShouldContain("\"stoppedOn\":\"2026-03-01\"");
        json.ShouldContain("\"stoppedOn\":null");
        json.ShouldContain("\"undertone\":\"Warm\"");
    }

    [Fact]
    public void A_minimal_web_intake_reads_with_defaults()
    {
        const string json = """
            {"dateOfBirth":"1990-05-01","skin":{"fitzpatrick":2,"undertone":"cool"},"goals":["FullCoverageBuzz"]}
            """;

        var intake = JsonSerializer.Deserialize<Intake>(json, CareJson.Options).ShouldNotBeNull();

        intake.Skin.Undertone.ShouldBe(Undertone.Cool);
        intake.Medications.ShouldBeEmpty();
        IntakeValidator.Validate(intake, On).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"classification":{"norwood":"IX"}}""", "$.classification.norwood")]
    [InlineData("""{"classification":{"norwood":3}}""", "$.classification.norwood")]
    [InlineData("""{"classification":{"norwood":"3"}}""", "$.classification.norwood")]
    [InlineData("""{"classification":{"norwood":"II,IV"}}""", "$.classification.norwood")]
    [InlineData("""{"classification":{"norwood":" II"}}""", "$.classification.norwood")]
    [InlineData("""{"goals":["Buzz"]}""", "$.goals[0]")]
    [InlineData("""{"medications":[{"kind":"Aspirin"}]}""", "$.medications[0].kind")]
    [InlineData("""{"dateOfBirth":"1990-02-30"}""", "$.dateOfBirth")]
    [InlineData("""{"dateOfBirth":"01/05/1990"}""", "$.dateOfBirth")]
    [InlineData("""{"dateOfBirth":19900501}""", "$.dateOfBirth")]
    [InlineData("""{"history":{"transplantOn":"2026-13-01"}}""", "$.history.transplantOn")]
    [InlineData("""{"skin":{"fitzpatrick":"3"}}""", "$.skin.fitzpatrick")]
    [InlineData("""{"medical":null}""", "$.medical")]
    [InlineData("""{"favouriteColour":"blue"}""", "$")]
    public void Bad_values_fail_with_a_json_exception_naming_the_field(string json, string path)
    {
        var e = Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Intake>(json, CareJson.Options));

        e.Path.ShouldNotBeNull().ShouldStartWith(path);
    }

    [Fact]
    public void Enum_names_read_in_any_case_and_unknown_ones_say_what_is_expected()
    {
        JsonSerializer.Deserialize<Intake>("""{"classification":{"norwood":"iiivertex"}}""", CareJson.Options)
            .ShouldNotBeNull().Classification.Norwood.ShouldBe(NorwoodStage.IIIVertex);

        var e = Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Intake>("""{"skin":{"undertone":"Olive"}}""", CareJson.Options));
        e.Message.ShouldBe("\"Olive\" is not a known value; expected one of: Neutral, Cool, Warm.");
        Should.Throw<JsonException>(() => JsonSerializer.Serialize(Taking((MedicationKind)42), CareJson.Options));
    }

    [Fact]
    public void A_screening_result_round_trips()
    {
        var result = Evaluate(Rich);
        result.Findings.Select(f => f.Outcome).Distinct().Count().ShouldBeGreaterThan(2);

        var json = JsonSerializer.Serialize(result, CareJson.Options);
        var back = JsonSerializer.Deserialize<ScreeningResult>(json, CareJson.Options).ShouldNotBeNull();

        back.ShouldBe(result);
        back.Overall.ShouldBe(result.Overall);
        back.DeferredUntil.ShouldBe(result.DeferredUntil);
        back.OpenEndedDeferral.ShouldBe(result.OpenEndedDeferral);
        JsonSerializer.Serialize(back, CareJson.Options).ShouldBe(json);
        json.ShouldContain("\"on\":\"2026-06-15\"");
        json.ShouldContain("\"overall\":\"DeferUntil\"");
        json.ShouldContain("\"until\":\"2026-08-28\"");
    }

    [Fact]
    public void Screening_settings_round_trip()
    {
        var settings = ScreeningSettings.Default with
        {
            IsotretinoinWaitDays = 365,
            ExcludeInsteadOfClearance = new HashSet<string>(StringComparer.Ordinal) { "keloid", "epilepsy" },
        };

        var json = JsonSerializer.Serialize(settings, CareJson.Options);
        var back = JsonSerializer.Deserialize<ScreeningSettings>(json, CareJson.Options).ShouldNotBeNull();

        back.ShouldBe(settings);
        json.ShouldContain("\"excludeInsteadOfClearance\":[\"epilepsy\",\"keloid\"]");
        JsonSerializer.Deserialize<ScreeningSettings>("{}", CareJson.Options).ShouldBe(ScreeningSettings.Default);
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<ScreeningSettings>("""{"excludeInsteadOfClearance":"keloid"}""", CareJson.Options));
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<ScreeningSettings>("""{"excludeInsteadOfClearance":[1]}""", CareJson.Options));
    }
}

using NodaTime;
using Stipple.Core.Care;
using Stipple.Core.Colour;

namespace Stipple.Core.Tests.Care;

/// <summary>Random intakes (seeded, so failures reproduce): screening is total and its summary is consistent.</summary>
public sealed class ScreeningPropertyTests
{
    private static readonly LocalDate Today = new(2026, 6, 15);

    [Fact]
    public void Valid_random_intakes_never_throw_and_overall_is_the_worst_finding()
    {
        var random = new Random(20261121);
        var valid = 0;
        for (var i = 0; i < 4000; i++)
        {
            var intake = RandomIntake(random, wild: false);
            var settings = RandomSettings(random);
            var on = Today.PlusDays(random.Next(-400, 400));
            if (IntakeValidator.Validate(intake, Today).Count == 0)
            {
                valid++;
            }

            Check(CandidacyScreening.Evaluate(intake, on, settings), on);
        }

        valid.ShouldBeGreaterThan(2000);
    }

    [Fact]
    public void Even_wild_intakes_never_throw()
    {
        var random = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            var intake = RandomIntake(random, wild: true);
            var on = random.Next(4) == 0 ? LocalDate.MaxIsoValue : RandomDate(random, wild: true);

            Check(CandidacyScreening.Evaluate(intake, on, RandomSettings(random)), on);
            _ = IntakeValidator.Validate(intake, on);
        }
    }

    private static void Check(ScreeningResult result, LocalDate on)
    {
        // Plain comparisons: Shouldly's expression-based asserts compile on every call and would dominate the run time.
        var findings = result.Findings;
        result.On.ShouldBe(on);
        result.Overall.ShouldBe(findings.Count == 0 ? ScreeningOutcome.Ok : findings.Max(f => f.Outcome));
        findings.Zip(findings.Skip(1)).All(p => p.First.Outcome >= p.Second.Outcome).ShouldBeTrue("most severe first");
        findings.All(f => f.Until is null || (f.Outcome == ScreeningOutcome.DeferUntil && f.Until > on)).ShouldBeTrue("dates only on deferrals, after the day");
        findings.All(f => ScreeningRules.Find(f.Rule) is not null && f.Reason.Length > 0).ShouldBeTrue("known rules with reasons");
        result.DeferredUntil.ShouldBe(findings.Max(f => f.Until));
        result.OpenEndedDeferral.ShouldBe(findings.Any(f => f.Outcome == ScreeningOutcome.DeferUntil && f.Until is null));

        (result.BlocksSmpSession(clearanceOnFile: false) is null).ShouldBe(result.Overall <= ScreeningOutcome.Warn);
        (result.BlocksSmpSession(clearanceOnFile: true) is null).ShouldBe(result.Overall <= ScreeningOutcome.NeedsMedicalClearance);
    }

    private static Intake RandomIntake(Random r, bool wild) => new()
    {
        DateOfBirth = r.Next(20) == 0 ? default : RandomDate(r, wild).PlusYears(wild ? 0 : -r.Next(0, 80)),
        Classification = new HairLossClassification
        {
            Norwood = r.Next(2) == 0 ? null : Pick<NorwoodStage>(r, wild),
            Ludwig = r.Next(2) == 0 ? null : Pick<LudwigGrade>(r, wild),
            Savin = r.Next(2) == 0 ? null : Pick<SavinGrade>(r, wild),
            Other = [.. Enumerable.Range(0, r.Next(4)).Select(_ => Pick<OtherCondition>(r, wild))],
            Progressing = r.Next(4) == 0,
        },
        Goals = [.. Enumerable.Range(0, r.Next(3)).Select(_ => Pick<TreatmentGoal>(r, wild))],
        Medical = new MedicalAnswers
        {
            Pregnant = r.Next(20) == 0,
            Breastfeeding = r.Next(20) == 0,
            PigmentAllergy = r.Next(10) == 0,
            NegativePatchTestDocumented = r.Next(2) == 0,
            OtherAllergies = r.Next(8) == 0,
            UnderInfluence = r.Next(30) == 0,
            ActiveSkinCondition = r.Next(10) == 0,
            ScalpInjuryOrSunburn = r.Next(10) == 0,
            BleedingDisorder = r.Next(10) == 0,
            Diabetes = r.Next(8) == 0,
            HeartCondition = r.Next(8) == 0,
            ValveCondition = r.Next(10) == 0,
            ImmuneCondition = r.Next(10) == 0,
            Epilepsy = r.Next(10) == 0,
            KeloidTendency = r.Next(10) == 0,
            OtherScalpCondition = r.Next(10) == 0,
        },
        Medications = [.. Enumerable.Range(0, r.Next(4)).Select(_ => RandomMedication(r, wild))],
        Skin = new SkinProfile { Fitzpatrick = wild ? r.Next(-2, 9) : r.Next(1, 7), Undertone = Pick<Undertone>(r, wild) },
        History = new TreatmentHistory
        {
            PreviousSmp = r.Next(2) == 0,
            LaserRemovalOn = r.Next(3) == 0 ? Past(r, wild) : null,
            TransplantOn = r.Next(3) == 0 ? Past(r, wild) : null,
        },
        Hair = new HairState { IntactHairline = r.Next(2) == 0, LongEnoughToCover = r.Next(2) == 0 },
        StudioAnswers =
        [
            .. Enumerable.Range(0, r.Next(3)).Select(k => new StudioAnswer
            {
                Key = "q" + k.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Question = r.Next(4) == 0 ? "" : "Question?",
                Yes = r.Next(2) == 0,
                ReviewWhenYes = r.Next(2) == 0,
                Details = r.Next(2) == 0 ? null : "details",
            }),
        ],
    };

    private static Medication RandomMedication(Random r, bool wild)
    {
        LocalDate? started = r.Next(3) == 0 ? null : RandomDate(r, wild);
        LocalDate? stopped = r.Next(3) == 0 ? null : (wild ? RandomDate(r, wild) : (started ?? Today).PlusDays(r.Next(0, 400)));
        return new Medication { Kind = Pick<MedicationKind>(r, wild), StartedOn = started, StoppedOn = stopped };
    }

    private static LocalDate Past(Random r, bool wild) => wild ? RandomDate(r, wild) : Today.PlusDays(-r.Next(0, 800));

    private static LocalDate RandomDate(Random r, bool wild) => wild
        ? r.Next(5) switch
        {
            0 => LocalDate.MaxIsoValue.PlusDays(-r.Next(0, 400)),
            1 => LocalDate.MinIsoValue.PlusDays(r.Next(0, 400)),
            _ => Today.PlusDays(r.Next(-40000, 40000)),
        }
        : Today.PlusDays(r.Next(-800, 400));

    private static T Pick<T>(Random r, bool wild)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return wild && r.Next(10) == 0 ? (T)(object)r.Next(-5, 100) : values[r.Next(values.Length)];
    }

    private static ScreeningSettings RandomSettings(Random r) => new()
    {
        MinimumAge = r.Next(18, 100),
        IsotretinoinWaitDays = r.Next(90, 366),
        ChemotherapyWaitDays = r.Next(180, 366),
        ChemotherapyLookaheadDays = r.Next(0, 91),
        LaserRemovalWaitDays = r.Next(90, 366),
        TransplantWaitDays = r.Next(180, 366),
        ExcludeInsteadOfClearance = ScreeningRules.Excludable.Where(_ => r.Next(4) == 0).ToHashSet(StringComparer.Ordinal),
    };
}

using NodaTime;
using Stipple.Core.Care;
using static Stipple.Core.Tests.Care.Intakes;

namespace Stipple.Core.Tests.Care;

public sealed class WaitingPeriodTests
{
    private static readonly LocalDate Stop = new(2026, 1, 10);

    [Fact]
    public void Isotretinoin_stopped_60_days_ago_defers_until_stop_plus_180_days()
    {
        var on = Stop.PlusDays(60);
        var result = Evaluate(Taking(MedicationKind.Isotretinoin, new LocalDate(2025, 6, 1), Stop), on);

        var finding = result.Finding(ScreeningRules.Isotretinoin);
        finding.Outcome.ShouldBe(ScreeningOutcome.DeferUntil);
        finding.Until.ShouldBe(Stop.PlusDays(180));
        finding.Until.ShouldBe(new LocalDate(2026, 7, 9));
        finding.Reason.ShouldBe("Isotretinoin was stopped on 2026-01-10. The studio waits 180 days, so the first possible SMP day is 2026-07-09.");
        result.DeferredUntil.ShouldBe(new LocalDate(2026, 7, 9));
        result.OpenEndedDeferral.ShouldBeFalse();
        var block = result.BlocksSmpSession(clearanceOnFile: true).ShouldNotBeNull();
        block.Until.ShouldBe(new LocalDate(2026, 7, 9));
        block.Reason.ShouldContain("2026-07-09");
    }

    [Fact]
    public void The_last_day_of_a_wait_is_still_deferred_and_the_until_day_is_allowed()
    {
        var intake = Taking(MedicationKind.Isotretinoin, stopped: Stop);
        var until = Stop.PlusDays(180);

        var lastDay = Evaluate(intake, until.PlusDays(-1));
        lastDay.Finding(ScreeningRules.Isotretinoin).Outcome.ShouldBe(ScreeningOutcome.DeferUntil);
        lastDay.BlocksSmpSession(clearanceOnFile: false).ShouldNotBeNull().Until.ShouldBe(until);

        var firstDay = Evaluate(intake, until);
        var ok = firstDay.Finding(ScreeningRules.Isotretinoin);
        ok.Outcome.ShouldBe(ScreeningOutcome.Ok);
        ok.Until.ShouldBeNull();
        ok.Reason.ShouldBe("Isotretinoin was stopped on 2026-01-10, 180 days before 2026-07-09; the 180-day wait ended on 2026-07-09.");
        firstDay.BlocksSmpSession(clearanceOnFile: false).ShouldBeNull();
    }

    [Fact]
    public void A_passed_isotretinoin_wait_is_reported_as_ok()
    {
        var result = Evaluate(Taking(MedicationKind.Isotretinoin, stopped: Stop), Stop.PlusDays(200));

        result.Finding(ScreeningRules.Isotretinoin).Reason.ShouldContain("200 days before");
        result.Overall.ShouldBe(ScreeningOutcome.Ok);
    }

    [Fact]
    public void Isotretinoin_still_taken_defers_open_ended()
    {
        var result = Evaluate(Taking(MedicationKind.Isotretinoin, started: new LocalDate(2026, 1, 1)));

        var finding = result.Finding(ScreeningRules.Isotretinoin);
        finding.Outcome.ShouldBe(ScreeningOutcome.DeferUntil);
        finding.Until.ShouldBeNull();
        finding.Reason.ShouldContain("180 days after the last dose");
        result.OpenEndedDeferral.ShouldBeTrue();
        result.DeferredUntil.ShouldBeNull();
    }

    [Fact]
    public void The_studio_can_wait_a_year_after_isotretinoin()
    {
        var settings = ScreeningSettings.Default with { IsotretinoinWaitDays = 365 };
        var intake = Taking(MedicationKind.Isotretinoin, stopped: Stop);
        var on = Stop.PlusDays(200);

        Evaluate(intake, on).Finding(ScreeningRules.Isotretinoin).Outcome.ShouldBe(ScreeningOutcome.Ok);
        var finding = Evaluate(intake, on, settings).Finding(ScreeningRules.Isotretinoin);
        finding.Outcome.ShouldBe(ScreeningOutcome.DeferUntil);
        finding.Until.ShouldBe(new LocalDate(2027, 1, 10));
        finding.Reason.ShouldContain("waits 365 days");
    }

    [Fact]
    public void Several_isotretinoin_courses_count_from_the_last_stop()
    {
        var intake = Clean with
        {
            Medications =
            [
                new Medication { Kind = MedicationKind.Isotretinoin, StoppedOn = new LocalDate(2025, 1, 1) },
                new Medication { Kind = MedicationKind.Isotretinoin, StoppedOn = Stop },
            ],
        };

        Evaluate(intake).Finding(ScreeningRules.Isotretinoin).Until.ShouldBe(Stop.PlusDays(180));
    }

    [Fact]
    public void Other_medicines_start_no_wait()
    {
        var result = Evaluate(Taking(MedicationKind.Other, started: Stop, stopped: Stop));

        result.Has(ScreeningRules.Isotretinoin).ShouldBeFalse();
        result.Has(ScreeningRules.Chemotherapy).ShouldBeFalse();
        result.Has(ScreeningRules.ChemotherapyUpcoming).ShouldBeFalse();
        Evaluate(Taking(MedicationKind.Other, started: On.PlusDays(3))).Has(ScreeningRules.ChemotherapyUpcoming).ShouldBeFalse();
    }

    [Fact]
    public void Chemotherapy_ended_defers_by_the_studios_wait()
    {
        var intake = Taking(MedicationKind.Chemotherapy, new LocalDate(2025, 10, 1), Stop);

        var deferred = Evaluate(intake, Stop.PlusDays(179)).Finding(ScreeningRules.Chemotherapy);
        deferred.Outcome.ShouldBe(ScreeningOutcome.DeferUntil);
        deferred.Until.ShouldBe(Stop.PlusDays(180));
        Evaluate(intake, Stop.PlusDays(180)).Finding(ScreeningRules.Chemotherapy).Outcome.ShouldBe(ScreeningOutcome.Ok);

        var year = ScreeningSettings.Default with { ChemotherapyWaitDays = 365 };
        Evaluate(intake, Stop.PlusDays(180), year).Finding(ScreeningRules.Chemotherapy).Until.ShouldBe(Stop.PlusDays(365));
    }

    [Fact]
    public void Ongoing_chemotherapy_defers_open_ended()
    {
        var finding = Evaluate(Taking(MedicationKind.Chemotherapy, started: new LocalDate(2026, 5, 1))).Finding(ScreeningRules.Chemotherapy);

        finding.Outcome.ShouldBe(ScreeningOutcome.DeferUntil);
        finding.Until.ShouldBeNull();
        finding.Reason.ShouldContain("still being taken");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(28)]
    public void Chemotherapy_starting_within_the_lookahead_defers(int daysAhead)
    {
        var result = Evaluate(Taking(MedicationKind.Chemotherapy, started: On.PlusDays(daysAhead)));

        result.Has(ScreeningRules.Chemotherapy).ShouldBeFalse();
        var finding = result.Finding(ScreeningRules.ChemotherapyUpcoming);
        finding.Outcome.ShouldBe(ScreeningOutcome.DeferUntil);
        finding.Until.ShouldBeNull();
        finding.Reason.ShouldContain("due to start on");
        finding.Reason.ShouldContain("within 28 days");
        result.OpenEndedDeferral.ShouldBeTrue();
    }

    [Fact]
    public void Chemotherapy_starting_after_the_lookahead_is_a_warning_to_plan_around()
    {
        var intake = Taking(MedicationKind.Chemotherapy, started: On.PlusDays(29));

        var finding = Evaluate(intake).Finding(ScreeningRules.ChemotherapyUpcoming);
        finding.Outcome.ShouldBe(ScreeningOutcome.Warn);
        finding.Reason.ShouldContain("at least 28 days before it");

        var off = ScreeningSettings.Default with { ChemotherapyLookaheadDays = 0 };
        var planned = Evaluate(Taking(MedicationKind.Chemotherapy, started: On.PlusDays(1)), settings: off).Finding(ScreeningRules.ChemotherapyUpcoming);
        planned.Outcome.ShouldBe(ScreeningOutcome.Warn);
        planned.Reason.ShouldBe("Chemotherapy is due to start on 2026-06-16. SMP can resume 180 days after the last treatment.");

        var longer = ScreeningSettings.Default with { ChemotherapyLookaheadDays = 60 };
        Evaluate(intake, settings: longer).Finding(ScreeningRules.ChemotherapyUpcoming).Outcome.ShouldBe(ScreeningOutcome.DeferUntil);
    }

    [Fact]
    public void Chemotherapy_that_started_on_the_day_is_ongoing_not_upcoming()
    {
        var result = Evaluate(Taking(MedicationKind.Chemotherapy, started: On));

        result.Has(ScreeningRules.ChemotherapyUpcoming).ShouldBeFalse();
        result.Finding(ScreeningRules.Chemotherapy).Until.ShouldBeNull();
    }

    [Fact]
    public void Laser_removal_waits_90_days_by_default()
    {
        var laser = new LocalDate(2026, 4, 1);
        var intake = Clean with { History = new TreatmentHistory { LaserRemovalOn = laser } };

        var deferred = Evaluate(intake, laser.PlusDays(89)).Finding(ScreeningRules.LaserRemoval);
        deferred.Outcome.ShouldBe(ScreeningOutcome.DeferUntil);
        deferred.Until.ShouldBe(new LocalDate(2026, 6, 30));
        deferred.Reason.ShouldBe(
            "Laser tattoo removal in the treatment area was done on 2026-04-01. The studio waits 90 days, so the first possible SMP day is 2026-06-30.");
        Evaluate(intake, laser.PlusDays(90)).Finding(ScreeningRules.LaserRemoval).Outcome.ShouldBe(ScreeningOutcome.Ok);
        Evaluate(intake, laser.PlusDays(90), ScreeningSettings.Default with { LaserRemovalWaitDays = 120 })
            .Finding(ScreeningRules.LaserRemoval).Until.ShouldBe(laser.PlusDays(120));
        Evaluate(Clean).Has(ScreeningRules.LaserRemoval).ShouldBeFalse();
    }

    [Fact]
    public void A_transplant_waits_180_days_by_default()
    {
        var transplant = new LocalDate(2026, 1, 20);
        var intake = Clean with { History = new TreatmentHistory { TransplantOn = transplant } };

        Evaluate(intake, transplant.PlusDays(179)).Finding(ScreeningRules.Transplant).Until.ShouldBe(transplant.PlusDays(180));
        Evaluate(intake, transplant.PlusDays(180)).Finding(ScreeningRules.Transplant).Outcome.ShouldBe(ScreeningOutcome.Ok);
        Evaluate(intake, transplant.PlusDays(180), ScreeningSettings.Default with { TransplantWaitDays = 365 })
            .Finding(ScreeningRules.Transplant).Until.ShouldBe(transplant.PlusDays(365));
        Evaluate(Clean).Has(ScreeningRules.Transplant).ShouldBeFalse();
    }

    [Fact]
    public void Deferred_until_is_the_latest_waiting_period()
    {
        var intake = Clean with
        {
            Medications = [new Medication { Kind = MedicationKind.Isotretinoin, StoppedOn = new LocalDate(2026, 5, 1) }],
            History = new TreatmentHistory { LaserRemovalOn = new LocalDate(2026, 6, 1), TransplantOn = new LocalDate(2026, 2, 1) },
        };

        var result = Evaluate(intake);

        result.Findings.Where(f => f.Outcome == ScreeningOutcome.DeferUntil).Select(f => f.Until)
            .ShouldBe([new LocalDate(2026, 10, 28), new LocalDate(2026, 8, 30), new LocalDate(2026, 7, 31)]);
        result.DeferredUntil.ShouldBe(new LocalDate(2026, 10, 28));
        result.BlocksSmpSession(clearanceOnFile: false).ShouldNotBeNull().Until.ShouldBe(new LocalDate(2026, 10, 28));

        // The documented way to check a later session: evaluate on that day.
        CandidacyScreening.BlocksSmpSession(intake, new LocalDate(2026, 10, 27), ScreeningSettings.Default, false)
            .ShouldNotBeNull().Findings.Select(f => f.Rule).ShouldBe([ScreeningRules.Isotretinoin]);
        CandidacyScreening.BlocksSmpSession(intake, new LocalDate(2026, 10, 28), ScreeningSettings.Default, false).ShouldBeNull();
    }
}

using System.Globalization;
using NodaTime;

namespace Stipple.Core.Care;

/// <summary>
/// Judges an <see cref="Intake"/> against the candidacy rules of smp-facts §13.1 (contraindications and deferrals
/// of §8.3, minimum age of §10.2) on a given day, with a studio's <see cref="ScreeningSettings"/>. Pure and
/// deterministic: the day is passed in and the clock is never read. Total: never throws for an intake that passed
/// <see cref="IntakeValidator"/> (and tolerates most that did not), only for invalid settings.
/// </summary>
public static class CandidacyScreening
{
    private static readonly OtherCondition[] MayRegrow = [OtherCondition.AlopeciaAreata, OtherCondition.PostChemotherapy];

    private static readonly OtherCondition[] Scars =
        [OtherCondition.FutScar, OtherCondition.FueScars, OtherCondition.TraumaScar, OtherCondition.ScarringAlopecia];

    /// <summary>
    /// Every finding for <paramref name="intake"/> on the day <paramref name="on"/>. To check a proposed SMP session,
    /// pass the session's day: waiting periods, age and upcoming chemotherapy all depend on it.
    /// </summary>
    /// <param name="intake">The client's intake, ideally checked by <see cref="IntakeValidator"/>.</param>
    /// <param name="on">The day judged: today, or the day of a proposed session.</param>
    /// <param name="settings">The studio's settings; must be valid (<see cref="ScreeningSettings.Validate"/>).</param>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public static ScreeningResult Evaluate(Intake intake, LocalDate on, ScreeningSettings settings)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "Invalid screening settings: " + string.Join("; ", problems.Select(p => p.Field + " " + p.Message)), nameof(settings));
        }

        var context = new Context(on, settings);
        var medical = intake.Medical ?? new MedicalAnswers();
        var medications = (intake.Medications ?? []).Where(m => m is not null).ToList();
        var classification = intake.Classification ?? new HairLossClassification();
        var other = classification.Other ?? [];

        CheckAge(context, intake.DateOfBirth);
        CheckHardStops(context, medical);
        CheckUntilResolved(context, medical);
        CheckWaits(context, medications, intake.History ?? new TreatmentHistory());
        CheckClearances(context, medical, medications);
        CheckWarnings(context, classification, other, medical, medications);
        CheckNoShave(context, intake.Goals ?? [], other, intake.Hair ?? new HairState());
        CheckStudioAnswers(context, intake.StudioAnswers ?? []);

        return new ScreeningResult(context.On, context.Findings);
    }

    /// <summary>
    /// Whether an SMP session on <paramref name="sessionDay"/> is blocked, and why (null when it may go ahead):
    /// <see cref="Evaluate"/> on that day, then <see cref="ScreeningResult.BlocksSmpSession"/>.
    /// </summary>
    public static SmpBookingBlock? BlocksSmpSession(Intake intake, LocalDate sessionDay, ScreeningSettings settings, bool clearanceOnFile) =>
        Evaluate(intake, sessionDay, settings).BlocksSmpSession(clearanceOnFile);

    private static void CheckAge(Context c, LocalDate dateOfBirth)
    {
        var minimum = c.Settings.MinimumAge;
        if (dateOfBirth == default)
        {
            // The validator refuses this intake; screening stays total but never assumes an unknown age is old enough.
            c.Add(ScreeningRules.Age, ScreeningOutcome.HardStop, null, Invariant(
                $"No date of birth is recorded, so the client cannot be confirmed to be {minimum} or over. Record it (checked against photo ID) before SMP."));
            return;
        }

        var birth = CareDates.Iso(dateOfBirth);
        var allowedFrom = CareDates.Anniversary(birth, minimum);
        if (c.On < allowedFrom)
        {
            c.Add(ScreeningRules.Age, ScreeningOutcome.HardStop, null, Invariant(
                $"Under {minimum} on {D(c.On)} (turns {minimum} on {D(allowedFrom)}). The studio's minimum age for SMP is {minimum}, whatever a parent consents to; in Great Britain tattooing anyone under 18 is an offence (Tattooing of Minors Act 1969)."));
        }
        else
        {
            c.Add(ScreeningRules.Age, ScreeningOutcome.Ok, null, Invariant(
                $"Aged {CareDates.AgeOn(birth, c.On)} on {D(c.On)}; the studio's minimum age is {minimum}."));
        }
    }

    private static void CheckHardStops(Context c, MedicalAnswers medical)
    {
        if (medical.Pregnant)
        {
            c.Add(ScreeningRules.Pregnancy, ScreeningOutcome.HardStop, null,
                "Pregnant: no SMP during pregnancy. It can be considered again after pregnancy and breastfeeding.");
        }

        if (medical.Breastfeeding)
        {
            c.Add(ScreeningRules.Breastfeeding, ScreeningOutcome.HardStop, null,
                "Breastfeeding: no SMP while breastfeeding. It can be considered again afterwards.");
        }

        if (medical.PigmentAllergy)
        {
            if (medical.NegativePatchTestDocumented)
            {
                c.Add(ScreeningRules.PigmentAllergy, ScreeningOutcome.Ok, null,
                    "A pigment allergy was reported, but a negative patch test with the studio's pigment is documented.");
            }
            else
            {
                c.Add(ScreeningRules.PigmentAllergy, ScreeningOutcome.HardStop, null,
                    "Known allergy to tattoo pigment: no SMP unless a patch test with the studio's pigment is negative and documented.");
            }
        }

        if (medical.UnderInfluence)
        {
            c.Add(ScreeningRules.UnderInfluence, ScreeningOutcome.HardStop, null,
                "Under the influence of alcohol or drugs: no SMP session today. Asked again at the pre-session check-in.");
        }
    }

    private static void CheckUntilResolved(Context c, MedicalAnswers medical)
    {
        if (medical.ActiveSkinCondition)
        {
            c.Add(ScreeningRules.SkinCondition, ScreeningOutcome.DeferUntil, null,
                "Active skin condition in the treatment area (psoriasis, eczema, seborrhoeic dermatitis, acne, rash or infection): no SMP until it has cleared. Re-checked at the pre-session check-in.");
        }

        if (medical.ScalpInjuryOrSunburn)
        {
            c.Add(ScreeningRules.ScalpInjury, ScreeningOutcome.DeferUntil, null,
                "Sunburn, a fresh tan, cuts or bruising on the scalp: no SMP until the scalp has healed. Re-checked at the pre-session check-in.");
        }
    }

    private static void CheckWaits(Context c, List<Medication> medications, TreatmentHistory history)
    {
        var settings = c.Settings;
        CheckMedicineWait(c, ScreeningRules.Isotretinoin, "Isotretinoin", "the last dose",
            [.. medications.Where(m => m.Kind == MedicationKind.Isotretinoin)], settings.IsotretinoinWaitDays);

        // Courses that have started by the day judged (or have no start date) count towards the wait after chemotherapy;
        // courses planned to start later are the look-ahead's business.
        var chemotherapy = medications.Where(m => m.Kind == MedicationKind.Chemotherapy).ToList();
        CheckMedicineWait(c, ScreeningRules.Chemotherapy, "Chemotherapy", "the last treatment",
            [.. chemotherapy.Where(m => m.StartedOn is not { } start || CareDates.Iso(start) <= c.On)], settings.ChemotherapyWaitDays);
        CheckUpcomingChemotherapy(c, [.. chemotherapy.Where(m => m.StartedOn is { } start && CareDates.Iso(start) > c.On)]);

        if (history.LaserRemovalOn is { } laser)
        {
            CheckEventWait(c, ScreeningRules.LaserRemoval, "Laser tattoo removal in the treatment area was done", CareDates.Iso(laser),
                settings.LaserRemovalWaitDays);
        }

        if (history.TransplantOn is { } transplant)
        {
            CheckEventWait(c, ScreeningRules.Transplant, "The hair transplant was done", CareDates.Iso(transplant), settings.TransplantWaitDays);
        }
    }

    private static void CheckMedicineWait(Context c, string rule, string medicine, string lastDose, List<Medication> courses, int waitDays)
    {
        if (courses.Count == 0)
        {
            return;
        }

        if (courses.Exists(m => m.StoppedOn is null))
        {
            c.Add(rule, ScreeningOutcome.DeferUntil, null, Invariant(
                $"{medicine} is still being taken: no SMP until {waitDays} days after {lastDose}. Re-checked at the pre-session check-in."));
            return;
        }

        var stopped = courses.Max(m => CareDates.Iso(m.StoppedOn!.Value));
        CheckEventWait(c, rule, $"{medicine} was stopped", stopped, waitDays);
    }

    private static void CheckEventWait(Context c, string rule, string what, LocalDate eventDay, int waitDays)
    {
        var firstAllowed = CareDates.PlusDaysClamped(eventDay, waitDays);
        if (c.On < firstAllowed)
        {
            c.Add(rule, ScreeningOutcome.DeferUntil, firstAllowed, Invariant(
                $"{what} on {D(eventDay)}. The studio waits {waitDays} days, so the first possible SMP day is {D(firstAllowed)}."));
        }
        else
        {
            c.Add(rule, ScreeningOutcome.Ok, null, Invariant(
                $"{what} on {D(eventDay)}, {CareDates.DaysBetween(eventDay, c.On)} days before {D(c.On)}; the {waitDays}-day wait ended on {D(firstAllowed)}."));
        }
    }

    private static void CheckUpcomingChemotherapy(Context c, List<Medication> planned)
    {
        if (planned.Count == 0)
        {
            return;
        }

        var start = planned.Min(m => CareDates.Iso(m.StartedOn!.Value));
        var lookahead = c.Settings.ChemotherapyLookaheadDays;
        var wait = c.Settings.ChemotherapyWaitDays;
        if (CareDates.DaysBetween(c.On, start) <= lookahead)
        {
            c.Add(ScreeningRules.ChemotherapyUpcoming, ScreeningOutcome.DeferUntil, null, Invariant(
                $"Chemotherapy is due to start on {D(start)}, within {lookahead} days of {D(c.On)}: no SMP in the {lookahead} days before chemotherapy. SMP can be considered {wait} days after the last treatment."));
        }
        else
        {
            var before = lookahead > 0 ? Invariant($" SMP sessions must end at least {lookahead} days before it.") : "";
            c.Add(ScreeningRules.ChemotherapyUpcoming, ScreeningOutcome.Warn, null, Invariant(
                $"Chemotherapy is due to start on {D(start)}.{before} SMP can resume {wait} days after the last treatment."));
        }
    }

    private static void CheckClearances(Context c, MedicalAnswers medical, List<Medication> medications)
    {
        var current = medications.Where(m => IsCurrent(m, c.On)).Select(m => m.Kind).ToHashSet();
        if (current.Contains(MedicationKind.Anticoagulant) || current.Contains(MedicationKind.Antiplatelet))
        {
            c.Clearance(ScreeningRules.Anticoagulants,
                "Takes an anticoagulant or antiplatelet medicine (blood thinner): bleeding dilutes the pigment and thickens scabs.");
        }

        if (medical.BleedingDisorder)
        {
            c.Clearance(ScreeningRules.BleedingDisorder,
                "Has a bleeding disorder (haemophilia, a platelet disorder, sickle cell or similar): bleeding dilutes the pigment and thickens scabs.");
        }

        if (medical.Diabetes)
        {
            c.Clearance(ScreeningRules.Diabetes, "Has diabetes: an infection after SMP needs treating at the first sign (smp-facts §8.2).");
        }

        if (medical.HeartCondition)
        {
            c.Clearance(ScreeningRules.Heart, "Has high blood pressure or heart disease.");
        }

        if (medical.ValveCondition)
        {
            c.Clearance(ScreeningRules.Valve,
                "Has a heart valve condition (prosthetic valve, mitral valve prolapse): take prophylactic antibiotics before the session if the doctor prescribes them.");
        }

        var immuneMedicine = current.Contains(MedicationKind.Immunosuppressant);
        if (medical.ImmuneCondition || immuneMedicine)
        {
            var what = medical.ImmuneCondition
                ? "Has immune suppression, an autoimmune disease, HIV or hepatitis"
                : "Takes an immunosuppressant medicine";
            c.Clearance(ScreeningRules.Immune, what + ": an infection after SMP needs treating at the first sign (smp-facts §8.2).");
        }

        if (medical.Epilepsy)
        {
            c.Clearance(ScreeningRules.Epilepsy, "Has epilepsy.");
        }

        if (medical.KeloidTendency)
        {
            c.Clearance(ScreeningRules.Keloid, "Tends to form keloid or raised (hypertrophic) scars: the needlework may leave such scars.");
        }
    }

    private static void CheckWarnings(Context c, HairLossClassification classification, IReadOnlyList<OtherCondition> other,
        MedicalAnswers medical, List<Medication> medications)
    {
        if (classification.Progressing)
        {
            c.Add(ScreeningRules.ProgressingLoss, ScreeningOutcome.Warn, null,
                "Hair loss is still progressing: SMP done now may need extending as the loss continues. Counsel the client; stabilising the loss first is worth discussing.");
        }

        var regrow = MayRegrow.Where(other.Contains).ToList();
        if (regrow.Count > 0)
        {
            c.Add(ScreeningRules.TemporaryAlopecia, ScreeningOutcome.Warn, null,
                $"Hair may regrow ({Names(regrow)}): regrown hair can leave the pigment looking patchy or mismatched. Counsel the client before treating.");
        }

        var scars = Scars.Where(other.Contains).ToList();
        if (scars.Count > 0)
        {
            c.Add(ScreeningRules.ScarTissue, ScreeningOutcome.Warn, null,
                $"Scar tissue ({Names(scars)}): scars are harder to pigment and may need more sessions.");
        }

        if (medical.OtherAllergies)
        {
            c.Add(ScreeningRules.OtherAllergies, ScreeningOutcome.Warn, null,
                "Other allergies reported (latex, metals or anaesthetics): use non-latex gloves and check numbing creams and other products first.");
        }

        if (medical.OtherScalpCondition)
        {
            c.Add(ScreeningRules.OtherScalpCondition, ScreeningOutcome.Warn, null,
                "Herpes simplex, warts, vitiligo, a birthmark or spider veins in the treatment area: the practitioner decides case by case.");
        }

        if (medications.Exists(m => m.Kind == MedicationKind.TopicalRetinoidOrSteroid && IsCurrent(m, c.On)))
        {
            c.Add(ScreeningRules.TopicalMedication, ScreeningOutcome.Warn, null,
                "Uses a topical retinoid or steroid on the scalp: it can make the skin fragile. The practitioner advises whether to pause it before the session.");
        }
    }

    private static void CheckNoShave(Context c, IReadOnlyList<TreatmentGoal> goals, IReadOnlyList<OtherCondition> other, HairState hair)
    {
        if (!goals.Contains(TreatmentGoal.DensityAmongHair))
        {
            return;
        }

        var missing = new List<string>();
        if (!hair.IntactHairline)
        {
            missing.Add("an intact hairline");
        }

        if (!other.Contains(OtherCondition.DiffuseThinning))
        {
            missing.Add("diffuse thinning");
        }

        if (!hair.LongEnoughToCover)
        {
            missing.Add("hair long enough to cover the treated area");
        }

        if (missing.Count == 0)
        {
            c.Add(ScreeningRules.NoShave, ScreeningOutcome.Ok, null,
                "Suits no-shave SMP: intact hairline, diffuse thinning and hair long enough to cover the treated area.");
        }
        else
        {
            c.Add(ScreeningRules.NoShave, ScreeningOutcome.Warn, null,
                $"No-shave SMP needs an intact hairline, diffuse thinning and hair long enough to cover the treated area; missing: {string.Join(", ", missing)}. Discuss a shaved look instead.");
        }
    }

    private static void CheckStudioAnswers(Context c, IReadOnlyList<StudioAnswer> answers)
    {
        foreach (var answer in answers)
        {
            if (answer is not { Yes: true, ReviewWhenYes: true })
            {
                continue;
            }

            var question = string.IsNullOrWhiteSpace(answer.Question) ? answer.Key : answer.Question.Trim();
            var details = string.IsNullOrWhiteSpace(answer.Details) ? "" : " Details: " + answer.Details.Trim();
            c.Add(ScreeningRules.StudioQuestion, ScreeningOutcome.Warn, null, $"Answered yes to \"{question}\"; the practitioner reviews it.{details}");
        }
    }

    /// <summary>A medicine is current on a day when it has started by then (or has no start) and has not stopped before it.</summary>
    private static bool IsCurrent(Medication medication, LocalDate on) =>
        (medication.StartedOn is not { } start || CareDates.Iso(start) <= on)
        && (medication.StoppedOn is not { } stop || CareDates.Iso(stop) >= on);

    private static string Names(IEnumerable<OtherCondition> conditions) => string.Join(", ", conditions.Select(Name));

    private static string Name(OtherCondition condition) => condition switch
    {
        OtherCondition.AlopeciaAreata => "alopecia areata",
        OtherCondition.PostChemotherapy => "hair loss after chemotherapy",
        OtherCondition.FutScar => "FUT strip scar",
        OtherCondition.FueScars => "FUE scars",
        OtherCondition.TraumaScar => "trauma or surgery scar",
        OtherCondition.ScarringAlopecia => "scarring alopecia",
        _ => condition.ToString(),
    };

    private static string D(LocalDate date) => CareDates.Format(date);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The day, the settings and the findings gathered so far.</summary>
    private sealed class Context(LocalDate on, ScreeningSettings settings)
    {
        public LocalDate On { get; } = CareDates.Iso(on);

        public ScreeningSettings Settings { get; } = settings;

        public List<ScreeningFinding> Findings { get; } = [];

        public void Add(string rule, ScreeningOutcome outcome, LocalDate? until, string reason) =>
            Findings.Add(new ScreeningFinding(rule, outcome, until, reason, ScreeningRules.Find(rule)!.Source));

        /// <summary>A medical-clearance finding, or a hard stop when the studio excludes instead.</summary>
        public void Clearance(string rule, string reason)
        {
            if (Settings.Excludes(rule))
            {
                Add(rule, ScreeningOutcome.HardStop, null, reason + " The studio does not offer SMP with this condition.");
            }
            else
            {
                Add(rule, ScreeningOutcome.NeedsMedicalClearance, null,
                    reason + " A written clearance from the client's doctor is needed before any SMP session.");
            }
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace Stipple.Core.Care;

/// <summary>
/// Checks an <see cref="Intake"/> before it is stored or screened, naming each problem by its camelCase JSON path
/// (e.g. <c>medications[0].stoppedOn</c>). <see cref="CandidacyScreening.Evaluate"/> never throws for an intake with
/// no problems. The day is passed in; the clock is never read.
/// </summary>
public static class IntakeValidator
{
    /// <summary>Earliest date of birth accepted.</summary>
    public static LocalDate EarliestBirth { get; } = new(1900, 1, 1);

    /// <summary>The problems with <paramref name="intake"/> as of <paramref name="today"/>; empty when it is valid.</summary>
    /// <param name="intake">The intake to check.</param>
    /// <param name="today">Today in the studio's time zone: dates of birth and past treatments may not be later.</param>
    public static IReadOnlyList<CareIssue> Validate(Intake intake, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var issues = new List<CareIssue>();
        today = CareDates.Iso(today);

        var birth = CareDates.Iso(intake.DateOfBirth);
        if (intake.DateOfBirth == default)
        {
            issues.Add(new("dateOfBirth", "is required"));
        }
        else if (birth > today)
        {
            issues.Add(new("dateOfBirth", "must not be in the future"));
        }
        else if (birth < EarliestBirth)
        {
            issues.Add(new("dateOfBirth", "must be 1900-01-01 or later"));
        }

        CheckClassification(intake.Classification, issues);
        CheckList(intake.Goals, "goals", issues, (goal, path) => Defined(goal, path, issues));
        Required(intake.Medical, "medical", issues);
        CheckList(intake.Medications, "medications", issues, (medication, path) => CheckMedication(medication, path, issues));
        CheckSkin(intake.Skin, issues);
        CheckHistory(intake.History, today, issues);
        Required(intake.Hair, "hair", issues);
        CheckList(intake.StudioAnswers, "studioAnswers", issues, (answer, path) =>
        {
            if (string.IsNullOrWhiteSpace(answer.Key))
            {
                issues.Add(new(path + ".key", "is required"));
            }
        });

        return issues;
    }

    private static void CheckClassification(HairLossClassification? classification, List<CareIssue> issues)
    {
        if (!Required(classification, "classification", issues))
        {
            return;
        }

        if (classification.Norwood is { } norwood)
        {
            Defined(norwood, "classification.norwood", issues);
        }

        if (classification.Ludwig is { } ludwig)
        {
            Defined(ludwig, "classification.ludwig", issues);
        }

        if (classification.Savin is { } savin)
        {
            Defined(savin, "classification.savin", issues);
        }

        CheckList(classification.Other, "classification.other", issues, (condition, path) => Defined(condition, path, issues));
    }

    private static void CheckMedication(Medication medication, string path, List<CareIssue> issues)
    {
        Defined(medication.Kind, path + ".kind", issues);
        if (medication is { StartedOn: { } started, StoppedOn: { } stopped } && CareDates.Iso(stopped) < CareDates.Iso(started))
        {
            issues.Add(new(path + ".stoppedOn", "must not be before startedOn"));
        }
    }

    private static void CheckSkin(SkinProfile? skin, List<CareIssue> issues)
    {
        if (!Required(skin, "skin", issues))
        {
            return;
        }

        if (skin.Fitzpatrick is < 1 or > 6)
        {
            issues.Add(new("skin.fitzpatrick", "is required: a Fitzpatrick type from 1 (I) to 6 (VI)"));
        }

        Defined(skin.Undertone, "skin.undertone", issues);
    }

    private static void CheckHistory(TreatmentHistory? history, LocalDate today, List<CareIssue> issues)
    {
        if (!Required(history, "history", issues))
        {
            return;
        }

        if (history.LaserRemovalOn is { } laser && CareDates.Iso(laser) > today)
        {
            issues.Add(new("history.laserRemovalOn", "must not be in the future"));
        }

        if (history.TransplantOn is { } transplant && CareDates.Iso(transplant) > today)
        {
            issues.Add(new("history.transplantOn", "must not be in the future"));
        }
    }

    private static void CheckList<T>(IReadOnlyList<T>? items, string path, List<CareIssue> issues, Action<T, string> check)
    {
        if (!Required(items, path, issues))
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (items[i] is { } item)
            {
                check(item, itemPath);
            }
            else
            {
                issues.Add(new(itemPath, "must not be null"));
            }
        }
    }

    private static bool Required<T>([NotNullWhen(true)] T? value, string path, List<CareIssue> issues)
        where T : class
    {
        if (value is null)
        {
            issues.Add(new(path, "is required"));
            return false;
        }

        return true;
    }

    private static void Defined<TEnum>(TEnum value, string path, List<CareIssue> issues)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            issues.Add(new(path, "is not a known value"));
        }
    }
}

using System.ComponentModel.DataAnnotations;
using NodaTime;
using NodaTime.Text;
using Stipple.Core.Care;
using Stipple.Core.Colour;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Consultations;

/// <summary>
/// The intake questionnaire as a form posts it (staff at the chair, or the client through a link). Everything is
/// text or a tick box, so nothing typed is lost when a field is wrong; <see cref="ToIntake"/> turns it into the Core
/// <see cref="Intake"/> with errors keyed as the JSON API keys them (e.g. <c>medications[0].stoppedOn</c>).
/// </summary>
public sealed class IntakeFormInput
{
    /// <summary>The medicine rows the form always shows, in this order.</summary>
    public static IReadOnlyList<MedicationKind> MedicationRows { get; } =
    [
        MedicationKind.Isotretinoin, MedicationKind.Chemotherapy, MedicationKind.Anticoagulant, MedicationKind.Antiplatelet,
        MedicationKind.Immunosuppressant, MedicationKind.TopicalRetinoidOrSteroid, MedicationKind.Other,
    ];

    [StringLength(16)]
    public string? Norwood { get; set; }

    [StringLength(16)]
    public string? Ludwig { get; set; }

    [StringLength(16)]
    public string? Savin { get; set; }

    public IList<string> Other { get; set; } = [];

    public bool Progressing { get; set; }

    public IList<string> Goals { get; set; } = [];

    public MedicalAnswers Medical { get; set; } = new();

    public IList<MedicationRow> Medications { get; set; } = MedicationRows.Select(k => new MedicationRow { Kind = k }).ToList();

    [StringLength(4)]
    public string? Fitzpatrick { get; set; }

    [StringLength(16)]
    public string? Undertone { get; set; }

    public bool PreviousSmp { get; set; }

    public bool PreviousTattooInArea { get; set; }

    [StringLength(32)]
    public string? LaserRemovalOn { get; set; }

    [StringLength(32)]
    public string? TransplantOn { get; set; }

    public bool IntactHairline { get; set; }

    public bool LongEnoughToCover { get; set; }

    public IList<StudioQuestionAnswer> StudioAnswers { get; set; } = [];

    /// <summary>Builds the intake; <paramref name="errors"/> collects what could not be read, keyed by JSON path.</summary>
    public Intake ToIntake(LocalDate dateOfBirth, IReadOnlyList<StudioQuestion> questions, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(errors);
        var medications = new List<Medication>();
        for (var i = 0; i < Medications.Count; i++)
        {
            var row = Medications[i];
            if (!row.Taken)
            {
                continue;
            }

            medications.Add(new Medication
            {
                Kind = row.Kind,
                Name = string.IsNullOrWhiteSpace(row.Name) ? null : row.Name.Trim(),
                StartedOn = Date(row.StartedOn, $"medications[{i}].startedOn", errors),
                StoppedOn = Date(row.StoppedOn, $"medications[{i}].stoppedOn", errors),
            });
        }

        var answers = new List<StudioAnswer>();
        foreach (var question in questions)
        {
            var answer = StudioAnswers.FirstOrDefault(a => string.Equals(a.Key, question.Key, StringComparison.Ordinal));
            answers.Add(new StudioAnswer
            {
                Key = question.Key,
                Question = question.Question,
                ReviewWhenYes = question.ReviewWhenYes,
                Yes = answer?.Yes ?? false,
                Details = string.IsNullOrWhiteSpace(answer?.Details) ? null : answer.Details.Trim(),
            });
        }

        return new Intake
        {
            DateOfBirth = dateOfBirth,
            Classification = new HairLossClassification
            {
                Norwood = Parse<NorwoodStage>(Norwood, "classification.norwood", errors),
                Ludwig = Parse<LudwigGrade>(Ludwig, "classification.ludwig", errors),
                Savin = Parse<SavinGrade>(Savin, "classification.savin", errors),
                Other = Other.Select(o => Parse<OtherCondition>(o, "classification.other", errors)).OfType<OtherCondition>().Distinct().ToList(),
                Progressing = Progressing,
            },
            Goals = Goals.Select(g => Parse<TreatmentGoal>(g, "goals", errors)).OfType<TreatmentGoal>().Distinct().ToList(),
            Medical = Medical,
            Medications = medications,
            Skin = new SkinProfile
            {
                Fitzpatrick = int.TryParse(Fitzpatrick, System.Globalization.CultureInfo.InvariantCulture, out var type) ? type : 0,
                Undertone = ManualColours.TryParseUndertone(Undertone, out var undertone) ? undertone : (Undertone)(-1),
            },
            History = new TreatmentHistory
            {
                PreviousSmp = PreviousSmp,
                PreviousTattooInArea = PreviousTattooInArea,
                LaserRemovalOn = Date(LaserRemovalOn, "history.laserRemovalOn", errors),
                TransplantOn = Date(TransplantOn, "history.transplantOn", errors),
            },
            Hair = new HairState { IntactHairline = IntactHairline, LongEnoughToCover = LongEnoughToCover },
            StudioAnswers = answers,
        };
    }

    /// <summary>The form filled from an earlier intake, so a correction starts from what was said.</summary>
    public static IntakeFormInput From(Intake intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var form = new IntakeFormInput
        {
            Norwood = intake.Classification.Norwood?.ToString(),
            Ludwig = intake.Classification.Ludwig?.ToString(),
            Savin = intake.Classification.Savin?.ToString(),
            Other = intake.Classification.Other.Select(o => o.ToString()).ToList(),
            Progressing = intake.Classification.Progressing,
            Goals = intake.Goals.Select(g => g.ToString()).ToList(),
            Medical = intake.Medical,
            Fitzpatrick = intake.Skin.Fitzpatrick is >= 1 and <= 6 ? intake.Skin.Fitzpatrick.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            Undertone = Enum.IsDefined(intake.Skin.Undertone) ? intake.Skin.Undertone.ToString().ToLowerInvariant() : null,
            PreviousSmp = intake.History.PreviousSmp,
            PreviousTattooInArea = intake.History.PreviousTattooInArea,
            LaserRemovalOn = Iso(intake.History.LaserRemovalOn),
            TransplantOn = Iso(intake.History.TransplantOn),
            IntactHairline = intake.Hair.IntactHairline,
            LongEnoughToCover = intake.Hair.LongEnoughToCover,
            StudioAnswers = intake.StudioAnswers.Select(a => new StudioQuestionAnswer { Key = a.Key, Yes = a.Yes, Details = a.Details }).ToList(),
        };
        foreach (var medication in intake.Medications)
        {
            var row = form.Medications.FirstOrDefault(r => r.Kind == medication.Kind && !r.Taken);
            if (row is not null)
            {
                row.Taken = true;
                row.Name = medication.Name;
                row.StartedOn = Iso(medication.StartedOn);
                row.StoppedOn = Iso(medication.StoppedOn);
            }
        }

        return form;
    }

    /// <summary>The form key for an error's JSON path: <c>medications[0].stoppedOn</c> → <c>Input.Medications[0].StoppedOn</c>.</summary>
    public static string FormKey(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]).ToList();
        // Classification and skin and history and hair are flattened on the form.
        if (segments.Count > 1 && segments[0] is "Classification" or "Skin" or "History" or "Hair")
        {
            segments.RemoveAt(0);
        }

        return "Input." + string.Join('.', segments);
    }

    /// <summary>
    /// The form key for an error the intake validator gives: its <c>medications[k]</c> counts only the ticked rows (the
    /// intake's medicines), so it becomes the index of the k-th ticked row on the form, e.g. <c>medications[0].stoppedOn</c>
    /// with only the antiplatelet row ticked → <c>Input.Medications[3].StoppedOn</c>.
    /// </summary>
    public string FormKeyOfIntakePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        const string prefix = "medications[";
        var close = path.IndexOf(']', StringComparison.Ordinal);
        if (path.StartsWith(prefix, StringComparison.Ordinal) && close > prefix.Length
            && int.TryParse(path.AsSpan(prefix.Length, close - prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k))
        {
            var ticked = Medications.Select((row, i) => (row.Taken, i)).Where(r => r.Taken).Select(r => r.i).ToList();
            if (k < ticked.Count)
            {
                path = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{ticked[k]}{path[close..]}");
            }
        }

        return FormKey(path);
    }

    private static string? Iso(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : null;

    private static LocalDate? Date(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (LocalDatePattern.Iso.Parse(text.Trim()) is { Success: true } parsed)
        {
            return parsed.Value;
        }

        errors.Add(field, "must be a date like 2026-05-31.");
        return null;
    }

    private static T? Parse<T>(string? text, string field, FieldErrors errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        errors.Add(field, $"'{text}' is not one of the options.");
        return null;
    }
}

using System.Globalization;
using Stipple.Core.Scheduling;

namespace Stipple.Web.Features.Settings;

/// <summary>
/// The booking rules form: its fields (with the defaults of smp-facts §6, §9.4 and §13.4 and their sources), how
/// <see cref="SchedulingSettings"/> is shown in them, how typed text is read back, and which field each of
/// <see cref="SchedulingSettings.Validate"/>'s camelCase keys belongs to.
/// </summary>
public static class BookingRulesForm
{
    public static IReadOnlyList<BookingRuleField> Lengths { get; } =
    [
        new("consultation", "Consultation", "Consultation length", BookingRuleKind.Length, "Default 0:30 (Stipple default)."),
        new("firstSession", "Session 1", "Session 1 length", BookingRuleKind.Length, "Default 4:00: clinics block 4–6 h for a first session (smp-facts §6.3, §13.4)."),
        new("followUpSession", "Sessions 2 and later", "Sessions 2 and later length", BookingRuleKind.Length, "Default 3:00: later sessions are shorter (smp-facts §6.3, §13.4)."),
        new("touchUp", "Touch-up", "Touch-up length", BookingRuleKind.Length, "Default 1:30: a touch-up takes 1–2 h (smp-facts §6.3, §13.4)."),
        new("healedReview", "Healed review", "Healed review length", BookingRuleKind.Length, "Default 0:30 (Stipple default)."),
        new("cleanupBuffer", "Cleanup buffer (minutes)", "Cleanup buffer", BookingRuleKind.Number, "Default 30 (Stipple default): the practitioner and the room stay busy this long after the client leaves; 0–120."),
    ];

    public static BookingRuleField MinDays { get; } =
        new("minDays", "Minimum days between sessions", "Minimum days between sessions", BookingRuleKind.Number,
            "Default and hard minimum 7: skin needs a week to heal, and 7 days is the shortest spacing any source gives (smp-facts §6.2). Up to 60.");

    /// <summary>The session windows, each a pair (earliest, latest) with the hint shown under the pair.</summary>
    public static IReadOnlyList<(string Title, BookingRuleField Min, BookingRuleField Max, string Hint)> Windows { get; } =
    [
        ("Session 1 → 2", Day("gap1Min", "Earliest (days after session 1)", "Session 1 → 2 earliest day"), Day("gap1Max", "Latest (days after session 1)", "Session 1 → 2 latest day"),
            "Default 10–14 days (smp-facts §6.2, §13.4)."),
        ("Session 2 → 3", Day("gap2Min", "Earliest (days after session 2)", "Session 2 → 3 earliest day"), Day("gap2Max", "Latest (days after session 2)", "Session 2 → 3 latest day"),
            "Default 14–28 days; also used before a 4th session (smp-facts §6.2, §13.4)."),
        ("When to offer it", Day("reviewMin", "Earliest (days after the last session)", "Healed review earliest day"), Day("reviewMax", "Latest (days after the last session)", "Healed review latest day"),
            "Default 30–42 days: about a month after the last session (smp-facts §6.2, §13.4)."),
    ];

    public static BookingRuleField ReviewFloor { get; } =
        new("reviewFloor", "Healed review never earlier than (days)", "Healed review minimum", BookingRuleKind.Number,
            "Default and hard minimum 21 days: the skin must have healed (smp-facts §6.2). Up to 90.");

    public static BookingRuleField StartInterval { get; } =
        new("startInterval", "Appointments start every", "Start interval", BookingRuleKind.Number, "Default 30 minutes: proposals start on the hour and half hour.");

    public static BookingRuleField Horizon { get; } =
        new("horizon", "How far ahead to offer times (days)", "How far ahead", BookingRuleKind.Number, "Default 180 days (Stipple default); 14–366.");

    public static BookingRuleField Reminders { get; } =
        new("reminders", "Reminders (hours before)", "Reminders", BookingRuleKind.NumberList,
            "Default 48, 2: e-mails 48 hours and 2 hours before. Up to four times, separated by commas, each 1–336 hours.");

    public static BookingRuleField RescheduleNotice { get; } =
        new("rescheduleNotice", "Reschedule notice (hours)", "Reschedule notice", BookingRuleKind.Number,
            "Default 72: a reschedule with less notice is recorded as late (smp-facts §9.4: full refund with ≥ 72 h notice). 0–336.");

    public static BookingRuleField CancelNotice { get; } =
        new("cancelNotice", "Cancellation notice (hours)", "Cancellation notice", BookingRuleKind.Number,
            "Default 48: a cancellation with less notice is recorded as late (smp-facts §9.4: deposits kept under 48 h). 0–336.");

    /// <summary>Every field, in page order.</summary>
    public static IEnumerable<BookingRuleField> All =>
        Lengths.Append(MinDays).Concat(Windows.SelectMany(w => new[] { w.Min, w.Max }))
            .Append(ReviewFloor).Append(StartInterval).Append(Horizon).Append(Reminders).Append(RescheduleNotice).Append(CancelNotice);

    /// <summary>The form field a <see cref="SchedulingSettings.Validate"/> key belongs to, or "" for the form as a whole.</summary>
    public static string FieldFor(string key) => key switch
    {
        "consultationMinutes" => "consultation",
        "firstSessionMinutes" => "firstSession",
        "followUpSessionMinutes" => "followUpSession",
        "touchUpMinutes" => "touchUp",
        "healedReviewMinutes" => "healedReview",
        "cleanupBufferMinutes" => "cleanupBuffer",
        "minDaysBetweenSessions" => "minDays",
        "sessionGaps" or "sessionGaps[0].minDays" => "gap1Min",
        "sessionGaps[0].maxDays" => "gap1Max",
        "sessionGaps[1].minDays" => "gap2Min",
        "sessionGaps[1].maxDays" => "gap2Max",
        "healedReviewMinDays" => "reviewFloor",
        "healedReviewWindow.minDays" => "reviewMin",
        "healedReviewWindow.maxDays" => "reviewMax",
        "startIntervalMinutes" => "startInterval",
        "horizonDays" => "horizon",
        "rescheduleNoticeHours" => "rescheduleNotice",
        "cancelNoticeHours" => "cancelNotice",
        _ when key.StartsWith("reminderHoursBefore", StringComparison.Ordinal) => "reminders",
        _ => "",
    };

    /// <summary>The settings as the form shows them.</summary>
    public static IDictionary<string, string?> Show(SchedulingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["consultation"] = Length(settings.ConsultationMinutes),
            ["firstSession"] = Length(settings.FirstSessionMinutes),
            ["followUpSession"] = Length(settings.FollowUpSessionMinutes),
            ["touchUp"] = Length(settings.TouchUpMinutes),
            ["healedReview"] = Length(settings.HealedReviewMinutes),
            ["cleanupBuffer"] = Text(settings.CleanupBufferMinutes),
            ["minDays"] = Text(settings.MinDaysBetweenSessions),
            ["gap1Min"] = Text(settings.GapBefore(2).MinDays),
            ["gap1Max"] = Text(settings.GapBefore(2).MaxDays),
            ["gap2Min"] = Text(settings.GapBefore(3).MinDays),
            ["gap2Max"] = Text(settings.GapBefore(3).MaxDays),
            ["reviewFloor"] = Text(settings.HealedReviewMinDays),
            ["reviewMin"] = Text(settings.HealedReviewWindow.MinDays),
            ["reviewMax"] = Text(settings.HealedReviewWindow.MaxDays),
            ["startInterval"] = Text(settings.StartIntervalMinutes),
            ["horizon"] = Text(settings.HorizonDays),
            ["reminders"] = string.Join(", ", settings.ReminderHoursBefore.Select(Text)),
            ["rescheduleNotice"] = Text(settings.RescheduleNoticeHours),
            ["cancelNotice"] = Text(settings.CancelNoticeHours),
        };
    }

    /// <summary>
    /// The typed values over <paramref name="current"/>; a value that cannot be read adds an error for its field and
    /// keeps the current value (so the rest can still be checked). Windows after the second are kept as they are.
    /// </summary>
    public static SchedulingSettings Read(IDictionary<string, string?> values, SchedulingSettings current, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(errors);
        var fields = All.ToDictionary(f => f.Name, StringComparer.Ordinal);
        int Get(string name, int fallback)
        {
            var field = fields[name];
            var typed = values.TryGetValue(name, out var text) ? text : null;
            var parsed = field.Kind == BookingRuleKind.Length ? ParseLength(typed) : ParseNumber(typed);
            if (parsed is { } value)
            {
                return value;
            }

            errors[name] = field.Kind == BookingRuleKind.Length
                ? $"{field.ErrorName} must be minutes (for example 90) or hours and minutes (for example 1:30)."
                : $"{field.ErrorName} must be a whole number.";
            return fallback;
        }

        var gaps = new List<DayWindow>
        {
            new(Get("gap1Min", current.GapBefore(2).MinDays), Get("gap1Max", current.GapBefore(2).MaxDays)),
            new(Get("gap2Min", current.GapBefore(3).MinDays), Get("gap2Max", current.GapBefore(3).MaxDays)),
        };
        gaps.AddRange(current.SessionGaps.Skip(2));
        return current with
        {
            ConsultationMinutes = Get("consultation", current.ConsultationMinutes),
            FirstSessionMinutes = Get("firstSession", current.FirstSessionMinutes),
            FollowUpSessionMinutes = Get("followUpSession", current.FollowUpSessionMinutes),
            TouchUpMinutes = Get("touchUp", current.TouchUpMinutes),
            HealedReviewMinutes = Get("healedReview", current.HealedReviewMinutes),
            CleanupBufferMinutes = Get("cleanupBuffer", current.CleanupBufferMinutes),
            MinDaysBetweenSessions = Get("minDays", current.MinDaysBetweenSessions),
            SessionGaps = gaps,
            HealedReviewMinDays = Get("reviewFloor", current.HealedReviewMinDays),
            HealedReviewWindow = new(Get("reviewMin", current.HealedReviewWindow.MinDays), Get("reviewMax", current.HealedReviewWindow.MaxDays)),
            StartIntervalMinutes = Get("startInterval", current.StartIntervalMinutes),
            HorizonDays = Get("horizon", current.HorizonDays),
            ReminderHoursBefore = ReadReminders(values.TryGetValue("reminders", out var reminders) ? reminders : null, current, errors),
            RescheduleNoticeHours = Get("rescheduleNotice", current.RescheduleNoticeHours),
            CancelNoticeHours = Get("cancelNotice", current.CancelNoticeHours),
        };
    }

    /// <summary>Minutes ("90") or hours and minutes ("1:30"); null when it is neither.</summary>
    public static int? ParseLength(string? text)
    {
        var value = text?.Trim() ?? "";
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return ParseNumber(value);
        }

        var minutes = value[(colon + 1)..];
        return minutes.Length == 2
            && int.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h <= 99
            && int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60
            ? (h * 60) + m
            : null;
    }

    /// <summary>"4:00", "1:30", "0:30".</summary>
    public static string Length(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}:{minutes % 60:00}");

    private static int? ParseNumber(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static List<int> ReadReminders(string? text, SchedulingSettings current, IDictionary<string, string> errors)
    {
        var parts = (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var hours = new List<int>(parts.Length);
        foreach (var part in parts)
        {
            if (ParseNumber(part) is not { } value)
            {
                errors["reminders"] = $"Reminders must be whole numbers of hours separated by commas (for example 48, 2); \u201c{part}\u201d is not.";
                return [.. current.ReminderHoursBefore];
            }

            hours.Add(value);
        }

        return hours;
    }

    private static BookingRuleField Day(string name, string label, string errorName) => new(name, label, errorName, BookingRuleKind.Number, "");

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;
using Stipple.Web.Features.Scheduling;
using Stipple.Web.Features.StudioCalendar;

namespace Stipple.Web.Features.Bookings;

/// <summary>
/// The plan form as typed: text for dates and times so a typo comes back with its error instead of being lost.
/// Errors are keyed <c>Prefs.&lt;Property&gt;</c>, as the inputs are named.
/// </summary>
public sealed class PlanPreferencesInput
{
    public Guid? Consultation { get; set; }

    public int? Sessions { get; set; }

    public bool HealedReview { get; set; } = true;

    /// <summary>First day to look from (yyyy-MM-dd); empty means today.</summary>
    public string? From { get; set; }

    /// <summary>ISO day names the client prefers ("Tuesday").</summary>
    public IList<string> Weekdays { get; set; } = [];

    public string? EarliestStart { get; set; }

    public string? LatestStart { get; set; }

    public Guid? Practitioner { get; set; }

    /// <summary>True once the form has been sent (so the page searches).</summary>
    public bool Search { get; set; }

    public PlanProposalRequest ToRequest(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        LocalDate? from = null;
        if (!string.IsNullOrWhiteSpace(From))
        {
            from = CalendarText.ParseDate(From);
            if (from is null)
            {
                modelState.AddModelError("Prefs.From", "must be a date such as 2026-12-01.");
            }
        }

        var days = new List<IsoDayOfWeek>();
        foreach (var day in Weekdays)
        {
            if (Enum.TryParse<IsoDayOfWeek>(day, ignoreCase: true, out var d) && d != IsoDayOfWeek.None && Enum.IsDefined(d))
            {
                days.Add(d);
            }
            else
            {
                modelState.AddModelError("Prefs.Weekdays", $"\"{day}\" is not a day of the week.");
            }
        }

        return new PlanProposalRequest(Consultation, Sessions, HealedReview, from, days,
            ParseTime(EarliestStart, "Prefs.EarliestStart", modelState), ParseTime(LatestStart, "Prefs.LatestStart", modelState), Practitioner);
    }

    private static LocalTime? ParseTime(string? text, string field, ModelStateDictionary modelState)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (CalendarText.ParseClockTime(text) is { } time)
        {
            return time;
        }

        modelState.AddModelError(field, "must be a time such as 10:00.");
        return null;
    }

    /// <summary>The days of the week in order, Monday first, with their short names.</summary>
    public static IReadOnlyList<(string Value, string Label)> Days { get; } =
        [.. Enumerable.Range(1, 7).Select(d => (((IsoDayOfWeek)d).ToString(), CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames[d % 7]))];
}

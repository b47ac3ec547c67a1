using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Core.Care;
using Stipple.Web.Features.Screening;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Settings;

/// <summary>The owner's screening rules: the minimum age, the waiting periods, and which conditions exclude outright.</summary>
[Authorize(Policy = Policies.Owner)]
public sealed class ScreeningModel(ScreeningService screening) : PageModel
{
    /// <summary>The numbers as typed (text, so a typo is shown back with its error rather than lost).</summary>
    [BindProperty]
    public IDictionary<string, string?> Numbers { get; set; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    [BindProperty]
    public IList<string> Exclude { get; set; } = [];

    /// <summary>The numeric settings in page order: property name (camelCase), label, low and high bound.</summary>
    public static IReadOnlyList<(string Field, string Label, int Low, int High)> Fields { get; } =
    [
        ("minimumAge", "Minimum client age (years)", ScreeningSettings.MinimumAgeLow, ScreeningSettings.MinimumAgeHigh),
        ("isotretinoinWaitDays", "Wait after the last isotretinoin dose (days)", ScreeningSettings.IsotretinoinWaitDaysLow, ScreeningSettings.IsotretinoinWaitDaysHigh),
        ("chemotherapyWaitDays", "Wait after chemotherapy ends (days)", ScreeningSettings.ChemotherapyWaitDaysLow, ScreeningSettings.ChemotherapyWaitDaysHigh),
        ("chemotherapyLookaheadDays", "No SMP when chemotherapy starts within (days)", ScreeningSettings.ChemotherapyLookaheadDaysLow, ScreeningSettings.ChemotherapyLookaheadDaysHigh),
        ("laserRemovalWaitDays", "Wait after laser removal in the area (days)", ScreeningSettings.LaserRemovalWaitDaysLow, ScreeningSettings.LaserRemovalWaitDaysHigh),
        ("transplantWaitDays", "Wait after a hair transplant (days)", ScreeningSettings.TransplantWaitDaysLow, ScreeningSettings.TransplantWaitDaysHigh),
    ];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Show(await screening.SettingsAsync(cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (field, _, _, _) in Fields)
        {
            if (int.TryParse((Numbers.TryGetValue(field, out var typed) ? typed : null), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                values[field] = value;
            }
            else
            {
                ModelState.AddModelError(field, "must be a whole number.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var settings = new ScreeningSettings
        {
            MinimumAge = values["minimumAge"],
            IsotretinoinWaitDays = values["isotretinoinWaitDays"],
            ChemotherapyWaitDays = values["chemotherapyWaitDays"],
            ChemotherapyLookaheadDays = values["chemotherapyLookaheadDays"],
            LaserRemovalWaitDays = values["laserRemovalWaitDays"],
            TransplantWaitDays = values["transplantWaitDays"],
            ExcludeInsteadOfClearance = Exclude.ToHashSet(StringComparer.Ordinal),
        };
        var result = await screening.SaveSettingsAsync(settings, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors!.CopyTo(ModelState, (string?)null);
            return Page();
        }

        TempData["Flash"] = "Screening rules saved. They apply to every screening from now on.";
        return RedirectToPage();
    }

    private void Show(ScreeningSettings settings)
    {
        Numbers = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["minimumAge"] = Text(settings.MinimumAge),
            ["isotretinoinWaitDays"] = Text(settings.IsotretinoinWaitDays),
            ["chemotherapyWaitDays"] = Text(settings.ChemotherapyWaitDays),
            ["chemotherapyLookaheadDays"] = Text(settings.ChemotherapyLookaheadDays),
            ["laserRemovalWaitDays"] = Text(settings.LaserRemovalWaitDays),
            ["transplantWaitDays"] = Text(settings.TransplantWaitDays),
        };
        Exclude = [.. settings.ExcludeInsteadOfClearance];
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using NodaTime;
using Stipple.Domain;
using Stipple.Web.Infrastructure;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Settings;

[Authorize(Policy = Policies.Owner)]
public sealed class IndexModel(StudioSettingsService settings) : PageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public IEnumerable<string> TimeZones => DateTimeZoneProviders.Tzdb.Ids.Where(id => id.Contains('/', StringComparison.Ordinal) && !id.StartsWith("Etc/", StringComparison.Ordinal));

    public IEnumerable<SelectListItem> CurrencyOptions => Currencies.All.Order(StringComparer.Ordinal).Select(c => new SelectListItem(c, c));

    public IEnumerable<SelectListItem> LocaleOptions => CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .OrderBy(c => c.EnglishName, StringComparer.Ordinal)
        .Select(c => new SelectListItem(c.EnglishName, c.Name));

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Input = SettingsInput.From(await settings.GetAsync(cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var errors = new FieldErrors();
        var result = await settings.UpdateAsync(Input.ToDto(errors), errors, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors!.CopyTo(ModelState, nameof(Input));
            return Page();
        }

        TempData["Flash"] = "Studio settings saved.";
        return RedirectToPage();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.StudioCalendar;
using Stipple.Web.Infrastructure;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Settings;

/// <summary>The studio's weekly opening hours and its closures (holidays), in the studio's time zone.</summary>
[Authorize(Policy = Policies.Owner)]
public sealed class HoursModel(WeeklyHoursService hours, ClosureService closures, StudioClock clock) : PageModel
{
    public WeekInput Week { get; private set; } = new();

    public ClosureInput Closure { get; private set; } = new();

    public IReadOnlyList<ClosureDto> Upcoming { get; private set; } = [];

    public IReadOnlyList<ClosureDto> Past { get; private set; } = [];

    public StudioClock Clock => clock;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Week = WeekInput.From(await hours.GetAsync(null, cancellationToken));
        await LoadClosuresAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostHoursAsync(CancellationToken cancellationToken)
    {
        Week = WeekInput.Read(Request.Form);
        var keys = new List<(int Day, int Slot)>();
        var errors = new FieldErrors();
        var intervals = Week.ToIntervals(keys, errors);
        if (!errors.Any)
        {
            var result = await hours.ReplaceAsync(null, intervals, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Flash"] = intervals.Count == 0
                    ? "Opening hours saved: the studio is closed every day, so nothing can be booked."
                    : "Opening hours saved.";
                return RedirectToPage();
            }

            errors = result.Errors!;
        }

        errors.CopyTo(ModelState, key => WeekInput.KeyFor(key, keys));
        await LoadClosuresAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddClosureAsync([FromForm(Name = "Closure")] ClosureInput closure, CancellationToken cancellationToken)
    {
        Closure = closure;
        var result = await closures.AddAsync(closure, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors!.CopyTo(ModelState, "Closure");
            Week = WeekInput.From(await hours.GetAsync(null, cancellationToken));
            await LoadClosuresAsync(cancellationToken);
            return Page();
        }

        var added = result.Value!;
        await clock.LoadAsync(cancellationToken);
        TempData["Flash"] = $"Closed {clock.FormatShortDate(added.StartsOn)}{(added.EndsOn == added.StartsOn ? "" : " to " + clock.FormatShortDate(added.EndsOn))}: {added.Reason}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteClosureAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await closures.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Flash"] = "Closure removed.";
        return RedirectToPage();
    }

    private async Task LoadClosuresAsync(CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        var today = clock.Today;
        var all = await closures.ListAsync(today.PlusDays(-366), cancellationToken);
        Upcoming = [.. all.Where(c => c.EndsOn >= today)];
        Past = [.. all.Where(c => c.EndsOn < today).Reverse()];
    }
}

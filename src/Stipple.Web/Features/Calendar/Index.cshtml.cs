using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Calendar;

/// <summary>
/// The calendar: a day or a week, by practitioner or by room. An htmx request (HX-Request) gets only the
/// <c>#calendar</c> fragment to swap in; a full load, a history restore or a browser without JavaScript gets the page.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(CalendarService calendar) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "view")]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true, Name = "date")]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true, Name = "by")]
    public string? By { get; set; }

    [BindProperty(SupportsGet = true, Name = "show")]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "cancelled")]
    public string? Cancelled { get; set; }

    public CalendarPageView Calendar { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Calendar = await calendar.GetAsync(today => CalendarQuery.Parse(Period, Date, By, Show, Cancelled, today), cancellationToken);
        Response.Headers.Append("Vary", "HX-Request");
        var fragment = string.Equals(Request.Headers["HX-Request"], "true", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(Request.Headers["HX-History-Restore-Request"], "true", StringComparison.OrdinalIgnoreCase);
        return fragment ? Partial("_Calendar", Calendar) : Page();
    }
}

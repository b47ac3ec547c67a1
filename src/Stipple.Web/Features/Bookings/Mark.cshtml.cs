using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Web.Features.Calendar;
using Stipple.Web.Features.Scheduling;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Bookings;

/// <summary>Marks an appointment that has started as a no-show or as completed (POST only; a GET goes back to the calendar).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class MarkModel(AppointmentService appointments) : PageModel
{
    public IActionResult OnGet() => Redirect("/Calendar");

    public async Task<IActionResult> OnPostAsync(Guid id, string mark, CancellationToken cancellationToken)
    {
        var result = string.Equals(mark, "NoShow", StringComparison.Ordinal)
            ? await appointments.MarkNoShowAsync(id, User.UserId(), cancellationToken)
            : await appointments.CompleteAsync(id, User.UserId(), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = result.Succeeded
            ? $"{result.Value!.Label} for {result.Value.ClientName}: {(string.Equals(mark, "NoShow", StringComparison.Ordinal) ? "marked as a no-show" : "completed")}."
            : string.Join(" ", result.Errors!.ToDictionary().SelectMany(e => e.Value));
        return Redirect(result.Value is { } a ? CalendarQuery.DayUrl(a.LocalStart.Date) : $"/Calendar/Appointment/{id}");
    }
}

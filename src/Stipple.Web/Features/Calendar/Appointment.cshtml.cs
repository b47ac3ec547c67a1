using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Calendar;

/// <summary>One appointment from the calendar: who, what, when (studio time), where, its status and history.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class AppointmentModel(CalendarService calendar) : PageModel
{
    public AppointmentDetails Appointment { get; private set; } = null!;

    /// <summary>Back to the calendar on the appointment's day.</summary>
    public string CalendarUrl => new CalendarQuery(CalendarPeriod.Day, Appointment.Date, CalendarAxis.Practitioner, null, All: false, ShowCancelled: false).Url();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await calendar.GetAppointmentAsync(id, cancellationToken) is not { } appointment)
        {
            return NotFound();
        }

        Appointment = appointment;
        return Page();
    }
}

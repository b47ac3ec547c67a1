using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.Scheduling;

namespace Stipple.Web.Features.Bookings;

/// <summary>A client's appointments on their page: what is coming (with move and cancel) and the last few that were.</summary>
public sealed class ClientAppointmentsViewComponent(AppointmentService appointments, StudioClock clock, IClock now) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid clientId)
    {
        await clock.LoadAsync(HttpContext.RequestAborted);
        var all = await appointments.ListAsync(Instant.MinValue, Instant.MaxValue, clientId, HttpContext.RequestAborted);
        var at = now.GetCurrentInstant();
        var upcoming = all.Where(a => a.End > at && !string.Equals(a.Status, "cancelled", StringComparison.Ordinal)).ToList();
        var past = all.Where(a => !upcoming.Contains(a)).OrderByDescending(a => a.Start).Take(8).ToList();
        return View("~/Features/Bookings/_ClientAppointments.cshtml", new ClientAppointmentsView(clientId, upcoming, past, clock));
    }
}

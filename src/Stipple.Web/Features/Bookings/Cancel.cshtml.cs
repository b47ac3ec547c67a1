using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Stipple.Web.Features.Calendar;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.Scheduling;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Bookings;

/// <summary>Cancels an appointment (or what is left of its plan), saying first whether it is late under the studio's policy.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CancelModel(AppointmentService appointments, SchedulingSettingsService rules, StudioClock clock) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool WholePlan { get; set; }

    public AppointmentDto Appointment { get; private set; } = null!;

    public int NoticeHours { get; private set; }

    public bool Late => Appointment.Start - clock.Now.ToInstant() < Duration.FromHours(NoticeHours);

    public StudioClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var day = CalendarQuery.DayUrl(Appointment.LocalStart.Date);
        if (WholePlan && Appointment.PlanId is { } planId)
        {
            var plan = await appointments.CancelPlanAsync(planId, new CancelRequest(Reason), User.UserId(), cancellationToken);
            TempData["Flash"] = $"Plan cancelled: {plan.Value} appointment{(plan.Value == 1 ? "" : "s")} still to come for {Appointment.ClientName}.";
            return Redirect(day);
        }

        var result = await appointments.CancelAsync(id, new CancelRequest(Reason), User.UserId(), cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors?.CopyTo(ModelState, _ => "");
            return Page();
        }

        TempData["Flash"] = $"Cancelled: {result.Value!.Label} for {result.Value.ClientName}{(result.Value.LateNotice ? $" (late: under {NoticeHours} hours' notice)" : "")}.";
        return Redirect(day);
    }

    public string When(LocalDateTime local) => clock.FormatLocal(local);

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        if (await appointments.GetAsync(id, cancellationToken) is not { } appointment)
        {
            return false;
        }

        Appointment = appointment;
        NoticeHours = (await rules.GetAsync(cancellationToken)).CancelNoticeHours;
        return true;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Stipple.Web.Features.Calendar;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.Scheduling;
using Stipple.Web.Features.StudioCalendar;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Bookings;

/// <summary>Moves an appointment: a free time from the suggestions, or a date and time typed in; a late move is flagged.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RescheduleModel(AppointmentService appointments, CalendarLoader calendar, SchedulingSettingsService rules, StudioClock clock) : PageModel
{
    [BindProperty]
    public BookingInput Input { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    public AppointmentDto Appointment { get; private set; } = null!;

    public IReadOnlyList<ScheduleDto> Suggestions { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Practitioners { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> Rooms { get; private set; } = new Dictionary<Guid, string>();

    public string? Conflict { get; private set; }

    public int NoticeHours { get; private set; }

    public StudioClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await SuggestAsync(id, cancellationToken);
        Input.PractitionerId = Appointment.PractitionerId;
        Input.RoomId = Appointment.RoomId;
        Input.Date = CalendarText.FormatDate(Appointment.LocalStart.Date);
        Input.Time = CalendarText.FormatTime(Appointment.LocalStart.TimeOfDay);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var start = LocalSlot.ToInstant(clock.Zone, Input.Date, Input.Time, out var dateError, out var timeError);
        if (dateError is not null || timeError is not null)
        {
            ModelState.AddModelError(dateError is not null ? "Input.Date" : "Input.Time", dateError is not null ? $"The date {dateError}" : $"The time {timeError}");
            await SuggestAsync(id, cancellationToken);
            return Page();
        }

        var outcome = await appointments.RescheduleAsync(id, new RescheduleRequest(start, Input.PractitionerId, Input.RoomId, Reason), User.UserId(), cancellationToken);
        if (outcome.Succeeded)
        {
            var a = outcome.Value!;
            TempData["Flash"] = $"Moved: {a.Label} for {a.ClientName} is now {When(a.LocalStart)} with {a.PractitionerName} in {a.RoomName}{(a.LateNotice ? " (late: inside the notice window)" : "")}.";
            return Redirect(CalendarQuery.DayUrl(a.LocalStart.Date));
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Conflict is { } conflict)
        {
            Conflict = conflict;
            Suggestions = outcome.Alternatives;
            return Page();
        }

        outcome.Errors!.CopyTo(ModelState, field => field switch
        {
            "slots[0].practitionerId" => "Input.PractitionerId",
            "slots[0].roomId" => "Input.RoomId",
            "start" or "slots[0].start" => "Input.Time",
            _ => "",
        });
        await SuggestAsync(id, cancellationToken);
        return Page();
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
        Practitioners = await calendar.PractitionersAsync(cancellationToken);
        Rooms = await calendar.RoomsAsync(cancellationToken);
        NoticeHours = (await rules.GetAsync(cancellationToken)).RescheduleNoticeHours;
        return true;
    }

    /// <summary>Free times to offer (only when the page is drawn: a successful move redirects, a conflict brings its own).</summary>
    private async Task SuggestAsync(Guid id, CancellationToken cancellationToken)
    {
        if (string.Equals(Appointment.Status, "booked", StringComparison.Ordinal))
        {
            Suggestions = await appointments.AlternativesAsync(id, cancellationToken) ?? [];
        }
    }
}

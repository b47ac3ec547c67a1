using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Stipple.Web.Features.Calendar;
using Stipple.Web.Features.Clients;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.Scheduling;
using Stipple.Web.Features.StudioCalendar;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Bookings;

/// <summary>
/// The front desk's quick booking: from a free cell of the calendar (practitioner, room and start filled in) or from
/// scratch — find the client, pick what it is for, book. A plan of sessions is booked on the client's plan page.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class NewModel(ClientService clients, BookingService booking, CalendarLoader calendar, StudioClock clock) : PageModel
{
    [BindProperty]
    public BookingInput Input { get; set; } = new();

    /// <summary>What the client search box holds.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<ClientDto> Matches { get; private set; } = [];

    public ClientDto? Chosen { get; private set; }

    public IReadOnlyDictionary<Guid, string> Practitioners { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> Rooms { get; private set; } = new Dictionary<Guid, string>();

    public string? Conflict { get; private set; }

    public IReadOnlyList<ScheduleDto> Alternatives { get; private set; } = [];

    public StudioClock Clock => clock;

    /// <summary>The kinds the quick form books, with their words.</summary>
    public static IReadOnlyList<(string Code, string Label)> Kinds { get; } =
    [
        ("consultation", "Consultation"),
        ("touch_up", "Touch-up"),
        ("healed_review", "Healed review"),
        ("first_session", "Single SMP session (first)"),
        ("follow_up_session", "Single SMP session (follow-up)"),
    ];

    public async Task OnGetAsync(Guid? practitioner, Guid? room, string? start, Guid? client, string? kind, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.PractitionerId = practitioner;
        Input.RoomId = room;
        Input.ClientId = client;
        Input.Kind = kind is not null && Kinds.Any(k => string.Equals(k.Code, kind, StringComparison.Ordinal)) ? kind : "consultation";
        // The calendar's free cells link here with start=2026-03-31T10:00 (CalendarText's local date-time).
        if (CalendarText.ParseDateTime(start) is { } local)
        {
            Input.Date = CalendarText.FormatDate(local.Date);
            Input.Time = CalendarText.FormatTime(local.TimeOfDay);
        }

        await MatchAsync(cancellationToken);
    }

    /// <summary>The client matches alone (htmx swaps them in as the search box changes).</summary>
    public async Task<IActionResult> OnGetClientsAsync(CancellationToken cancellationToken)
    {
        await MatchAsync(cancellationToken);
        return Partial("_ClientMatches", this);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await MatchAsync(cancellationToken);
        if (Input.ClientId is null)
        {
            ModelState.AddModelError("Input.ClientId", "Choose the client: search by name, e-mail or phone.");
        }

        if (Input.PractitionerId is null)
        {
            ModelState.AddModelError("Input.PractitionerId", "Choose a practitioner.");
        }

        if (Input.RoomId is null)
        {
            ModelState.AddModelError("Input.RoomId", "Choose a room.");
        }

        var start = LocalSlot.ToInstant(clock.Zone, Input.Date, Input.Time, out var dateError, out var timeError);
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.Date", $"The date {dateError}");
        }

        if (timeError is not null)
        {
            ModelState.AddModelError("Input.Time", $"The time {timeError}");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await booking.BookAppointmentAsync(
            new BookAppointmentRequest(Input.ClientId!.Value, Input.Kind, new SlotChoice(Input.PractitionerId!.Value, Input.RoomId!.Value, start!.Value)),
            User.UserId(), cancellationToken);
        if (outcome.Succeeded)
        {
            var a = outcome.Value!;
            TempData["Flash"] = $"Booked: {a.Label} for {a.ClientName}, {clock.FormatDate(a.LocalStart.Date)} at {CalendarText.FormatTime(a.LocalStart.TimeOfDay)} with {a.PractitionerName} in {a.RoomName}.";
            return Redirect(CalendarQuery.DayUrl(a.LocalStart.Date));
        }

        if (outcome.Conflict is { } conflict)
        {
            Conflict = conflict;
            Alternatives = outcome.Alternatives;
            return Page();
        }

        outcome.Errors?.CopyTo(ModelState, field => field switch
        {
            "clientId" => "Input.ClientId",
            "kind" => "Input.Kind",
            "slots[0].practitionerId" => "Input.PractitionerId",
            "slots[0].roomId" => "Input.RoomId",
            "slots[0].start" => "Input.Time",
            _ => "",
        });
        return Page();
    }

    public string When(LocalDateTime local) => clock.FormatLocal(local);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        Practitioners = await calendar.PractitionersAsync(cancellationToken);
        Rooms = await calendar.RoomsAsync(cancellationToken);
    }

    private async Task MatchAsync(CancellationToken cancellationToken)
    {
        if (Input.ClientId is { } id)
        {
            Chosen = await clients.GetAsync(id, cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            Matches = [.. (await clients.ListAsync(Q, cancellationToken)).Take(8)];
        }
    }
}

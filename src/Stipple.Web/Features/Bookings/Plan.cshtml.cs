using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Stipple.Core.Scheduling;
using Stipple.Web.Features.Clients;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.Scheduling;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Bookings;

/// <summary>
/// A client's treatment plan: what the approved design asks for, complete schedules for every session and the healed
/// review (ranked by the client's preferences), and booking one of them in a single step.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class PlanModel(ClientService clients, BookingService booking, PlanBasisService basis, AppointmentService appointments, CalendarLoader calendar, StudioClock clock) : PageModel
{
    /// <summary>What the client would like, as typed (kept on every error).</summary>
    [BindProperty(SupportsGet = true)]
    public PlanPreferencesInput Prefs { get; set; } = new();

    /// <summary>The schedule chosen to book (hidden fields of a proposal's form).</summary>
    [BindProperty]
    public IList<SlotInput> Slots { get; set; } = [];

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Booked { get; set; }

    public ClientDto Client { get; private set; } = null!;

    public PlanBasisDto Basis { get; private set; } = null!;

    public PlanProposalsDto? Proposals { get; private set; }

    /// <summary>Why the chosen schedule could not be booked (a conflict), shown above fresh alternatives.</summary>
    public string? Conflict { get; private set; }

    public IReadOnlyList<AppointmentDto> BookedAppointments { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Practitioners { get; private set; } = new Dictionary<Guid, string>();

    public StudioClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(Guid clientId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(clientId, cancellationToken))
        {
            return NotFound();
        }

        if (Booked is { } planId)
        {
            BookedAppointments = [.. (await appointments.ForClientAsync(clientId, cancellationToken)).Where(a => a.PlanId == planId)];
            return Page();
        }

        await ShowAsync(clientId, cancellationToken);
        Prefs.Sessions ??= Basis.SessionCount;
        if (Prefs.Search)
        {
            await ProposeAsync(clientId, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid clientId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(clientId, cancellationToken))
        {
            return NotFound();
        }

        var slots = Slots.Select(s => new SlotChoice(s.PractitionerId, s.RoomId, InstantPattern.ExtendedIso.Parse(s.Start ?? "") is { Success: true } p ? p.Value : Instant.MinValue)).ToList();
        var outcome = await booking.BookPlanAsync(clientId, new BookPlanRequest(slots, Prefs.HealedReview, Prefs.Consultation, Note), User.UserId(), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"Plan booked: {outcome.Value!.Appointments.Count} appointments for {Client.FullName}. Reminders go out by e-mail before each.";
            return RedirectToPage(new { clientId, booked = outcome.Value.PlanId });
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        await ShowAsync(clientId, cancellationToken);
        if (outcome.Conflict is { } conflict)
        {
            Conflict = conflict;
            Proposals = new PlanProposalsDto(Prefs.Sessions ?? Basis.SessionCount, Prefs.HealedReview, outcome.Alternatives, []);
            return Page();
        }

        outcome.Errors!.CopyTo(ModelState, field => field);
        await ProposeAsync(clientId, cancellationToken);
        return Page();
    }

    public string When(LocalDateTime local) => clock.FormatLocal(local);

    public static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private async Task ProposeAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var request = Prefs.ToRequest(ModelState);
        if (!ModelState.IsValid)
        {
            return;
        }

        var result = await booking.ProposeAsync(clientId, request, cancellationToken);
        if (result.Succeeded)
        {
            Proposals = result.Value;
        }
        else
        {
            result.Errors?.CopyTo(ModelState, "Prefs");
        }
    }

    /// <summary>
    /// A booking error in words that stand alone: "Session 2: is outside opening hours…" for <c>slots[1].start</c>.
    /// </summary>
    public string Describe(string key, string message)
    {
        // Model state keys compare ignoring case and keep the first spelling: the bound form field's "Slots[0].Start".
        if (key.StartsWith("slots[", StringComparison.OrdinalIgnoreCase) && int.TryParse(key.AsSpan(6, key.IndexOf(']', StringComparison.Ordinal) - 6), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
        {
            var sessions = Slots.Count - (Prefs.HealedReview ? 1 : 0);
            var kind = Prefs.HealedReview && i == Slots.Count - 1 ? ServiceKind.HealedReview : ServiceKind.FollowUpSession;
            return $"{AppointmentLabels.For(kind, i + 1, sessions)}: {message}";
        }

        return message;
    }

    private async Task<bool> LoadAsync(Guid clientId, CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        if (await clients.GetAsync(clientId, cancellationToken) is not { } client)
        {
            return false;
        }

        Client = client;
        return true;
    }

    /// <summary>
    /// What the planning form shows: the design basis (which stipples the approved design, so only when the page is
    /// drawn, never before a booking that redirects) and the practitioners to prefer.
    /// </summary>
    private async Task ShowAsync(Guid clientId, CancellationToken cancellationToken)
    {
        Basis = await basis.BasisAsync(clientId, Prefs.Consultation, cancellationToken);
        Prefs.Consultation ??= Basis.ConsultationId;
        Practitioners = await calendar.PractitionersAsync(cancellationToken);
    }
}

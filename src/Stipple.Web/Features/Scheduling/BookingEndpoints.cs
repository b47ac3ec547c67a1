using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Stipple.Web.Infrastructure;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Scheduling;

/// <summary>
/// Plans and appointments: <c>/api/v1/clients/{id}/plan-proposals</c> and <c>/plans</c>, <c>/api/v1/appointments</c>.
/// A booking that loses a race (or asks for a time that is taken) is <c>409 Conflict</c>, a problem whose
/// <c>alternatives</c> are fresh complete schedules.
/// </summary>
public static class BookingEndpoints
{
    public static RouteGroupBuilder MapBookingApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var clients = api.MapGroup("/clients/{clientId:guid}").WithTags("Booking").RequireAuthorization(Policies.StudioData);
        clients.MapPost("/plan-proposals", ProposeAsync).WithName("ProposePlanSchedules")
            .WithSummary("Complete schedules for the client's plan (every session and the healed review placed), best first.")
            .WithDescription("Sessions default to the approved design's count (else 3); spacing uses the studio's windows (default 10–14 days from session 1 to 2, "
                + "14–28 from 2 to 3, healed review 30–42 days after the last). Preferred weekdays, times and practitioner rank the schedules, never exclude one. "
                + "Blockers lists what the screening gate says about the first schedule's session days.");
        clients.MapPost("/plans", BookPlanAsync).WithName("BookPlan")
            .WithSummary("Books a plan: its sessions (and healed review) are reserved in one transaction or none.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        var appointments = api.MapGroup("/appointments").WithTags("Booking").RequireAuthorization(Policies.StudioData);
        appointments.MapGet("", ListAsync).WithName("ListAppointments")
            .WithSummary("Appointments starting in [from, to) (ISO instants; default the next 7 days), optionally one client's.");
        appointments.MapPost("", BookAppointmentAsync).WithName("BookAppointment")
            .WithSummary("Books one appointment outside a plan (a consultation, a touch-up).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        appointments.MapGet("/{id:guid}", GetAsync).WithName("GetAppointment");
        appointments.MapPost("/{id:guid}/reschedule", RescheduleAsync).WithName("RescheduleAppointment")
            .WithSummary("Moves an appointment; a plan's hard spacing is kept; inside the studio's notice window the move is recorded as late.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        appointments.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelAppointment")
            .WithSummary("Cancels an appointment; inside the studio's notice window it is recorded as late.");
        appointments.MapPost("/{id:guid}/no-show", NoShowAsync).WithName("MarkNoShow")
            .WithSummary("Records that the client did not come (only once the appointment has started).");
        appointments.MapPost("/{id:guid}/complete", CompleteAsync).WithName("CompleteAppointment");
        api.MapPost("/plans/{id:guid}/cancel", CancelPlanAsync).WithTags("Booking").RequireAuthorization(Policies.StudioData).WithName("CancelPlan")
            .WithSummary("Cancels every appointment of the plan still to come.");
        return api;
    }

    private static async Task<Results<Ok<PlanProposalsDto>, NotFound, ValidationProblem>> ProposeAsync(
        Guid clientId, PlanProposalRequest? request, BookingService booking, CancellationToken cancellationToken)
    {
        var result = await booking.ProposeAsync(clientId, request ?? new PlanProposalRequest(), cancellationToken);
        return result.NotFound ? TypedResults.NotFound()
            : result.Succeeded ? TypedResults.Ok(result.Value!)
            : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<Results<Created<BookedPlanDto>, NotFound, ValidationProblem, ProblemHttpResult>> BookPlanAsync(
        Guid clientId, BookPlanRequest? request, ClaimsPrincipal user, BookingService booking, CancellationToken cancellationToken)
    {
        var outcome = await booking.BookPlanAsync(clientId, request ?? new BookPlanRequest(null), user.UserId(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/clients/{clientId}/plans/{outcome.Value!.PlanId}", outcome.Value) : Failure(outcome);
    }

    private static async Task<Results<Created<AppointmentDto>, NotFound, ValidationProblem, ProblemHttpResult>> BookAppointmentAsync(
        BookAppointmentRequest? request, ClaimsPrincipal user, BookingService booking, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["body"] = ["is required."] });
        }

        var outcome = await booking.BookAppointmentAsync(request, user.UserId(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/appointments/{outcome.Value!.Id}", outcome.Value) : Failure(outcome);
    }

    private static async Task<Ok<IReadOnlyList<AppointmentDto>>> ListAsync(
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] Guid? clientId, AppointmentService appointments, IClock clock, CancellationToken cancellationToken)
    {
        var start = ParseInstant(from, "from") ?? clock.GetCurrentInstant();
        var end = ParseInstant(to, "to") ?? start + Duration.FromDays(7);
        return TypedResults.Ok(await appointments.ListAsync(start, end, clientId, cancellationToken));
    }

    private static async Task<Results<Ok<AppointmentDto>, NotFound>> GetAsync(Guid id, AppointmentService appointments, CancellationToken cancellationToken) =>
        await appointments.GetAsync(id, cancellationToken) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();

    private static async Task<Results<Created<AppointmentDto>, NotFound, ValidationProblem, ProblemHttpResult>> RescheduleAsync(
        Guid id, RescheduleRequest? request, ClaimsPrincipal user, AppointmentService appointments, CancellationToken cancellationToken)
    {
        var outcome = await appointments.RescheduleAsync(id, request ?? new RescheduleRequest(null), user.UserId(), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/appointments/{id}", outcome.Value) : Failure(outcome);
    }

    private static async Task<Results<Ok<AppointmentDto>, NotFound, ValidationProblem>> CancelAsync(
        Guid id, CancelRequest? request, ClaimsPrincipal user, AppointmentService appointments, CancellationToken cancellationToken) =>
        Answer(await appointments.CancelAsync(id, request ?? new CancelRequest(), user.UserId(), cancellationToken));

    private static async Task<Results<Ok<AppointmentDto>, NotFound, ValidationProblem>> NoShowAsync(
        Guid id, ClaimsPrincipal user, AppointmentService appointments, CancellationToken cancellationToken) =>
        Answer(await appointments.MarkNoShowAsync(id, user.UserId(), cancellationToken));

    private static async Task<Results<Ok<AppointmentDto>, NotFound, ValidationProblem>> CompleteAsync(
        Guid id, ClaimsPrincipal user, AppointmentService appointments, CancellationToken cancellationToken) =>
        Answer(await appointments.CompleteAsync(id, user.UserId(), cancellationToken));

    private static async Task<Results<Ok<int>, NotFound, ValidationProblem>> CancelPlanAsync(
        Guid id, CancelRequest? request, ClaimsPrincipal user, AppointmentService appointments, CancellationToken cancellationToken)
    {
        var result = await appointments.CancelPlanAsync(id, request ?? new CancelRequest(), user.UserId(), cancellationToken);
        return result.NotFound ? TypedResults.NotFound() : result.Succeeded ? TypedResults.Ok(result.Value) : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static Results<Ok<AppointmentDto>, NotFound, ValidationProblem> Answer(Result<AppointmentDto> result) =>
        result.NotFound ? TypedResults.NotFound() : result.Succeeded ? TypedResults.Ok(result.Value!) : TypedResults.ValidationProblem(result.Errors!.ToDictionary());

    /// <summary>Not found, field errors, or 409 with fresh alternatives.</summary>
    private static Results<Created<T>, NotFound, ValidationProblem, ProblemHttpResult> Failure<T>(BookingOutcome<T> outcome)
    {
        if (outcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (outcome.Conflict is { } conflict)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "That time is no longer free.",
                Detail = conflict,
                Extensions = { ["alternatives"] = outcome.Alternatives },
            });
        }

        return TypedResults.ValidationProblem(outcome.Errors!.ToDictionary());
    }

    private static Instant? ParseInstant(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
            : NodaTime.Text.InstantPattern.ExtendedIso.Parse(text) is { Success: true } parsed ? parsed.Value
            : throw new BadHttpRequestException($"{field} must be an ISO 8601 UTC instant such as 2026-11-21T09:30:00Z.");
}

using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using Stipple.Core.Care;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Screening;

public static class ScreeningEndpoints
{
    public static RouteGroupBuilder MapScreeningApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/screening").WithTags("Screening").RequireAuthorization(Policies.StudioData);
        group.MapPost("/evaluate", EvaluateAsync).WithName("EvaluateScreening")
            .WithSummary("Screens an intake for SMP candidacy with the studio's rules.")
            .WithDescription("Intake in; findings (rule, outcome Ok | Warn | NeedsMedicalClearance | DeferUntil | HardStop, until, reason, source) and the overall outcome out. 'on' is the day judged (a proposed session day); it defaults to the studio's today. Nothing is stored.");
        group.MapGet("/settings", SettingsAsync).WithName("GetScreeningSettings");
        group.MapGet("/clients/{clientId:guid}/gate", GateAsync).WithName("ScreeningGate")
            .WithSummary("Whether the client may be booked for an SMP session on 'on' (consultations are always bookable).");
        return api;
    }

    private static async Task<Results<Ok<ScreeningResult>, ValidationProblem>> EvaluateAsync(ScreeningRequest request, ScreeningService screening, CancellationToken cancellationToken)
    {
        if (request?.Intake is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["intake"] = ["is required."] });
        }

        var result = await screening.EvaluateAsync(request.Intake, request.On, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(result.Value!)
            : TypedResults.ValidationProblem(result.Errors!.ToDictionary().ToDictionary(k => "intake." + k.Key, k => k.Value, StringComparer.Ordinal));
    }

    private static async Task<Ok<ScreeningSettings>> SettingsAsync(ScreeningService screening, CancellationToken cancellationToken) =>
        TypedResults.Ok(await screening.SettingsAsync(cancellationToken));

    private static async Task<Results<Ok<BookingGate>, NotFound, ValidationProblem>> GateAsync(Guid clientId, string? on, ScreeningService screening, CancellationToken cancellationToken)
    {
        LocalDate day;
        if (string.IsNullOrWhiteSpace(on))
        {
            day = await screening.TodayAsync(cancellationToken);
        }
        else if (LocalDatePattern.Iso.Parse(on.Trim()) is { Success: true } parsed)
        {
            day = parsed.Value;
        }
        else
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["on"] = ["must be a date like 2026-12-01."] });
        }

        return await screening.GateAsync(clientId, day, cancellationToken) is { } gate ? TypedResults.Ok(gate) : TypedResults.NotFound();
    }
}

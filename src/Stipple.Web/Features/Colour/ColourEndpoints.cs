using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Colour;

/// <summary>Measuring colours, matching pigments and the healed results that calibrate the studio's model.</summary>
public static class ColourEndpoints
{
    public static RouteGroupBuilder MapColourApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/colour").WithTags("Pigment matching").RequireAuthorization(Policies.StudioData);
        group.MapPost("/measure", Measure).WithName("MeasureColour")
            .WithSummary("The colour of a photo region: the median in CIELAB after dropping highlights and shadows.")
            .WithDescription("pixels: the region's 8-bit R, G, B bytes, packed and base64-encoded; 16 to 1,048,576 pixels.");
        group.MapPost("/match", MatchAsync).WithName("MatchPigment")
            .WithSummary("Ranks the studio's SMP/PMU pigments × dilutions by ΔE00 between predicted healed colour and the target.")
            .WithDescription(
                "hair and skin (or a chosen target shade) each take exactly one of hex, lab {l, a, b}, a hair level 1–10 (hair) or a "
                + "Fitzpatrick type 1–6 with undertone cool/neutral/warm (skin). dilutions overrides the studio's ratios. Each "
                + "recommendation has its predicted fresh and healed colour, ΔE00, session 1 one step lighter, and the lots in date. "
                + "Predictions are estimates (docs/colour-model.md).");
        group.MapGet("/model", ModelAsync).WithName("GetColourModel")
            .WithSummary("The appearance-model parameters the studio's matches use, with held-out prediction error before and after refitting.");
        group.MapGet("/records", RecordsAsync).WithName("ListColourRecords").WithSummary("Measured healed results, newest session first.");
        group.MapPost("/records", AddRecordAsync).WithName("AddColourRecord").RequireAuthorization(Policies.Practice)
            .WithSummary("Records a measured healed colour; from 5 records on the studio's model is refitted.");
        group.MapDelete("/records/{id:guid}", DeleteRecordAsync).WithName("DeleteColourRecord").RequireAuthorization(Policies.Practice);
        return api;
    }

    private static Results<Ok<MeasureResult>, ValidationProblem> Measure(MeasureInput input)
    {
        var result = ColourService.Measure(input);
        return result.Succeeded ? TypedResults.Ok(result.Value!) : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<Results<Ok<MatchResponse>, ValidationProblem>> MatchAsync(MatchInput input, ColourService colours, CancellationToken cancellationToken)
    {
        var result = await colours.MatchAsync(input, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value!) : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<Ok<ModelSummary>> ModelAsync(ColourService colours, CancellationToken cancellationToken) =>
        TypedResults.Ok((await colours.ModelAsync(cancellationToken)).Summary);

    private static async Task<Ok<IReadOnlyList<ColourRecordDto>>> RecordsAsync(ColourService colours, CancellationToken cancellationToken) =>
        TypedResults.Ok(await colours.RecordsAsync(cancellationToken));

    private static async Task<Results<Created<ColourRecordDto>, ValidationProblem>> AddRecordAsync(
        ColourRecordInput input, ClaimsPrincipal user, ColourService colours, CancellationToken cancellationToken)
    {
        var result = await colours.AddRecordAsync(input, user.UserId(), cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/colour/records/{result.Value!.Id}", result.Value)
            : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<Results<NoContent, NotFound>> DeleteRecordAsync(Guid id, ColourService colours, CancellationToken cancellationToken) =>
        await colours.DeleteRecordAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}

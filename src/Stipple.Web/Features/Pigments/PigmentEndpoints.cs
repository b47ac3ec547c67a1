using Microsoft.AspNetCore.Http.HttpResults;
using Stipple.Web.Infrastructure;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Pigments;

public static class PigmentEndpoints
{
    public static RouteGroupBuilder MapPigmentApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/pigments").WithTags("Pigments").RequireAuthorization(Policies.StudioData);
        group.MapGet("/", ListAsync).WithName("ListPigments")
            .WithSummary("The pigment catalogue with each pigment's lots; 'search' matches manufacturer, product or a lot number; archived pigments only with includeArchived=true.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetPigment").WithSummary("A pigment with its lots, soonest expiry first.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Practice).WithName("CreatePigment")
            .WithSummary("Adds a pigment (owners, practitioners, API keys). The swatch is 'swatch' (#rrggbb) or 'swatchLab' ({l, a, b}), exactly one; 'lots' may list its first lots.");
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.Practice).WithName("UpdatePigment")
            .WithSummary("Changes a pigment's details; its lots are changed through /lots, and 'lots' here is ignored.");
        group.MapPost("/{id:guid}/archive", ArchiveAsync).RequireAuthorization(Policies.Practice).WithName("ArchivePigment")
            .WithSummary("Hides the pigment from the catalogue and from matching; its lots and colour records stay.");
        group.MapPost("/{id:guid}/unarchive", UnarchiveAsync).RequireAuthorization(Policies.Practice).WithName("UnarchivePigment")
            .WithSummary("Brings an archived pigment back.");
        group.MapGet("/{id:guid}/lots/{lotId:guid}", GetLotAsync).WithName("GetPigmentLot").WithSummary("One lot of a pigment.");
        group.MapPost("/{id:guid}/lots", AddLotAsync).RequireAuthorization(Policies.Practice).WithName("AddPigmentLot")
            .WithSummary("Records a lot: its number, expiry (yyyy-mm-dd) and what its EU REACH label says.");
        group.MapPut("/{id:guid}/lots/{lotId:guid}", UpdateLotAsync).RequireAuthorization(Policies.Practice).WithName("UpdatePigmentLot")
            .WithSummary("Corrects a lot.");
        group.MapDelete("/{id:guid}/lots/{lotId:guid}", DeleteLotAsync).RequireAuthorization(Policies.Practice).WithName("DeletePigmentLot")
            .WithSummary("Deletes a lot recorded by mistake; refused (400, error on 'lot') when colour records name it.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<PigmentDto>>> ListAsync(string? search, bool? includeArchived, PigmentService pigments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await pigments.ListAsync(search, includeArchived ?? false, cancellationToken));

    private static async Task<Results<Ok<PigmentDto>, NotFound>> GetAsync(Guid id, PigmentService pigments, CancellationToken cancellationToken) =>
        await pigments.GetAsync(id, cancellationToken) is { } pigment ? TypedResults.Ok(pigment) : TypedResults.NotFound();

    private static async Task<Results<Created<PigmentDto>, ValidationProblem>> CreateAsync(PigmentInput input, PigmentService pigments, CancellationToken cancellationToken)
    {
        var result = await pigments.CreateAsync(input, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/pigments/{result.Value!.Id}", result.Value)
            : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<Results<Ok<PigmentDto>, NotFound, ValidationProblem>> UpdateAsync(Guid id, PigmentInput input, PigmentService pigments, CancellationToken cancellationToken) =>
        Answer(await pigments.UpdateAsync(id, input, cancellationToken));

    private static async Task<Results<Ok<PigmentDto>, NotFound, ValidationProblem>> ArchiveAsync(Guid id, PigmentService pigments, CancellationToken cancellationToken) =>
        Answer(await pigments.SetArchivedAsync(id, archived: true, cancellationToken));

    private static async Task<Results<Ok<PigmentDto>, NotFound, ValidationProblem>> UnarchiveAsync(Guid id, PigmentService pigments, CancellationToken cancellationToken) =>
        Answer(await pigments.SetArchivedAsync(id, archived: false, cancellationToken));

    private static async Task<Results<Ok<PigmentLotDto>, NotFound>> GetLotAsync(Guid id, Guid lotId, PigmentService pigments, CancellationToken cancellationToken) =>
        await pigments.GetLotAsync(id, lotId, cancellationToken) is { } lot ? TypedResults.Ok(lot) : TypedResults.NotFound();

    private static async Task<Results<Created<PigmentLotDto>, NotFound, ValidationProblem>> AddLotAsync(Guid id, LotInput input, PigmentService pigments, CancellationToken cancellationToken)
    {
        var result = await pigments.AddLotAsync(id, input, cancellationToken);
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded
            ? TypedResults.Created($"/api/v1/pigments/{id}/lots/{result.Value!.Id}", result.Value)
            : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<Results<Ok<PigmentLotDto>, NotFound, ValidationProblem>> UpdateLotAsync(Guid id, Guid lotId, LotInput input, PigmentService pigments, CancellationToken cancellationToken) =>
        Answer(await pigments.UpdateLotAsync(id, lotId, input, cancellationToken));

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> DeleteLotAsync(Guid id, Guid lotId, PigmentService pigments, CancellationToken cancellationToken)
    {
        var result = await pigments.DeleteLotAsync(id, lotId, cancellationToken);
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded ? TypedResults.NoContent() : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static Results<Ok<T>, NotFound, ValidationProblem> Answer<T>(Result<T> result)
    {
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded ? TypedResults.Ok(result.Value!) : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Stipple.Core.Design;
using Stipple.Web.Infrastructure;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.DesignStudio;

/// <summary><c>/api/v1/consultations/{id}/designs</c>: a consultation's saved design versions and the client's approval.</summary>
public static class DesignStudioEndpoints
{
    public static RouteGroupBuilder MapDesignStudioApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/consultations/{id:guid}/designs").WithTags("Designs").RequireAuthorization(Policies.StudioData);
        group.MapGet("", ListAsync).WithName("ListDesignVersions")
            .WithSummary("The consultation's saved designs, newest first (without their documents), and the approval that stands.");
        group.MapPost("", SaveAsync).WithName("SaveDesignVersion")
            .WithSummary("Saves a design as the consultation's next version (1, 2, 3…); versions are never changed.")
            .WithDescription(
                "The body is {\"note\": optional, at most 500 characters, \"design\": a stipple.design/1 document (docs/design-format.md), at most 1 MiB}. "
                + "The design is validated and stippled once; its total dots and mid-frontal point are kept with it. Problems with the design are "
                + "listed under its JSON path prefixed with \"design.\" (design.zones[0].densityPerCm2).")
            .Accepts<SaveDesignVersionRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireAuthorization(Policies.Practice);
        group.MapGet("/{number:int}", GetAsync).WithName("GetDesignVersion")
            .WithSummary("One saved design version with its document.");
        group.MapPost("/{number:int}/approval", ApproveAsync).WithName("ApproveDesignVersion")
            .WithSummary("Records the client's approval of a version, with the name they typed; a later approval of any version supersedes it.")
            .RequireAuthorization(Policies.Practice);
        return api;
    }

    private static async Task<Results<Ok<DesignVersionListDto>, NotFound>> ListAsync(Guid id, DesignVersionService designs, CancellationToken cancellationToken) =>
        await designs.ListAsync(id, cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<DesignVersionDto>, NotFound>> GetAsync(Guid id, int number, DesignVersionService designs, CancellationToken cancellationToken) =>
        await designs.GetAsync(id, number, cancellationToken) is { } version ? TypedResults.Ok(version) : TypedResults.NotFound();

    private static async Task<Results<Created<DesignVersionDto>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, DesignVersionService designs, CancellationToken cancellationToken)
    {
        if (await RequestBody.ReadAsync(request, DesignVersionBody.MaxBytes, cancellationToken) is not { } json)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["design"] = [$"A design may be at most {DesignJson.MaxBytes / 1024} KiB."],
            })
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request is too large.",
            });
        }

        var (body, errors) = DesignVersionBody.Read(json);
        if (body is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var result = await designs.SaveAsync(id, body.Note, body.Design, user.UserId(), cancellationToken);
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded
            ? TypedResults.Created($"/api/v1/consultations/{id}/designs/{result.Value!.Number}", result.Value)
            : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<Results<Ok<DesignApprovalDto>, NotFound, ValidationProblem>> ApproveAsync(
        Guid id, int number, DesignApprovalInput? input, ClaimsPrincipal user, DesignVersionService designs, CancellationToken cancellationToken)
    {
        var result = await designs.ApproveAsync(id, number, input?.ClientName, user.UserId(), cancellationToken);
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded ? TypedResults.Ok(result.Value!) : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }
}

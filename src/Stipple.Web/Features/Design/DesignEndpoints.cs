using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Stipple.Core.Design;
using Stipple.Web.Infrastructure;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Design;

/// <summary><c>POST /api/v1/design/render</c>: a design in, its report, preview or dots out (by the Accept header).</summary>
public static class DesignEndpoints
{
    public static RouteGroupBuilder MapDesignApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/design").WithTags("Designs").RequireAuthorization(Policies.StudioData);
        group.MapPost("/render", RenderAsync)
            .WithName("RenderDesign")
            .WithSummary("Stipples a design; answers with its report, a PNG or SVG preview, or its dots, by the Accept header.")
            .WithDescription(
                "The body is a stipple.design/1 document (docs/design-format.md), at most 1 MiB. Accept: application/json (default, "
                + "also for */*) gives the report, with session times estimated at the studio's impressions per minute; image/png "
                + "and image/svg+xml the preview; application/octet-stream the dots of sessions 1..session, 16 little-endian bytes "
                + "each (float32 x mm, float32 y mm, float32 diameter mm, uint8 session, uint8 zone index, 2 zero bytes). Problems with the design are "
                + "listed under their JSON path (zones[0].densityPerCm2), problems with the query under the parameter's name.")
            .Accepts<DesignDocument>(DesignFormats.Json)
            .Produces<DesignReport>(StatusCodes.Status200OK, DesignFormats.Json)
            .AddOpenApiOperationTransformer(DescribeBinaryResponses)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    /// <summary>
    /// One Produces per status code survives in the document, so the binary formats are added beside the report here.
    /// </summary>
    private static Task DescribeBinaryResponses(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
        {
            foreach (var mediaType in (string[])[DesignFormats.Png, DesignFormats.Svg, DesignFormats.Dots])
            {
                content[mediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> RenderAsync(
        HttpContext context, [AsParameters] RenderQuery query, DesignService designs, CancellationToken cancellationToken)
    {
        context.Response.Headers.Vary = "Accept";
        if (DesignFormats.Negotiate(context.Request.Headers.Accept) is not { } format)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status406NotAcceptable,
                title: "Not acceptable",
                detail: $"Ask for {DesignFormats.Json} (the report), {DesignFormats.Png}, {DesignFormats.Svg} or {DesignFormats.Dots} (the dots).");
        }

        if (await RequestBody.ReadAsync(context.Request, DesignJson.MaxBytes, cancellationToken) is not { } body)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["body"] = [$"A design may be at most {DesignJson.MaxBytes / 1024} KiB."],
            })
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request is too large.",
            });
        }

        var result = await designs.RenderAsync(body, query, format, cancellationToken);
        return result.Succeeded
            ? TypedResults.Bytes(result.Value!.Content, result.Value.ContentType)
            : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.ApiKeys;

/// <summary>Key management is for owners signed in with a cookie: an API key cannot mint or revoke keys.</summary>
public static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeyApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/api-keys").WithTags("API keys").RequireAuthorization(Policies.Owner);
        group.MapGet("/", ListAsync).WithName("ListApiKeys");
        group.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Creates a key; the response is the only time the key is shown.");
        group.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeApiKey");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ApiKeySummary>>> ListAsync(ApiKeyService keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(cancellationToken));

    private static async Task<Results<Created<CreatedApiKey>, ValidationProblem>> CreateAsync(CreateApiKeyRequest request, ApiKeyService keys, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await keys.CreateAsync(request?.Name, context.User.UserId(), cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/api-keys/{result.Value!.Id}", result.Value)
            : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(Guid id, ApiKeyService keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}

using Microsoft.AspNetCore.Http.HttpResults;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Settings;

public static class StudioEndpoints
{
    public static RouteGroupBuilder MapStudioApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/studio").WithTags("Studio");
        group.MapGet("/", GetAsync).RequireAuthorization(Policies.StudioData).WithName("GetStudio").WithSummary("The studio's settings.");
        group.MapPut("/", UpdateAsync).RequireAuthorization(Policies.StudioAdmin).WithName("UpdateStudio")
            .WithSummary("Changes the studio's settings (owners and API keys).");
        return api;
    }

    private static async Task<Ok<StudioSettingsDto>> GetAsync(StudioSettingsService settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await settings.GetAsync(cancellationToken));

    private static async Task<Results<Ok<StudioSettingsDto>, ValidationProblem>> UpdateAsync(StudioSettingsDto input, StudioSettingsService settings, CancellationToken cancellationToken)
    {
        var result = await settings.UpdateAsync(input, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Value!) : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }
}

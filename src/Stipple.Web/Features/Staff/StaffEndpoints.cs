using Microsoft.AspNetCore.Http.HttpResults;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Staff;

public static class StaffEndpoints
{
    public static RouteGroupBuilder MapStaffApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/staff").WithTags("Staff").RequireAuthorization(Policies.StudioData);
        group.MapGet("/", ListAsync).WithName("ListStaff").WithSummary("The studio's staff members.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<StaffSummary>>> ListAsync(StaffService staff, CancellationToken cancellationToken) =>
        TypedResults.Ok(await staff.ListAsync(cancellationToken));
}

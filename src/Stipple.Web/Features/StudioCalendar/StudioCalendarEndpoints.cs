using Microsoft.AspNetCore.Http.HttpResults;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.StudioCalendar;

/// <summary>The studio's opening hours (<c>/api/v1/studio/hours</c>) and rooms (<c>/api/v1/rooms</c>); changes are for owners and API keys.</summary>
public static class StudioCalendarEndpoints
{
    public static RouteGroupBuilder MapStudioCalendarApi(this RouteGroupBuilder api)
    {
        var hours = api.MapGroup("/studio/hours").WithTags("Studio");
        hours.MapGet("/", GetHoursAsync).RequireAuthorization(Policies.StudioData).WithName("GetStudioHours")
            .WithSummary("The studio's weekly opening hours (ISO weekday 1 = Monday, local \"HH:mm\" times) and its time zone.");
        hours.MapPut("/", PutHoursAsync).RequireAuthorization(Policies.StudioAdmin).WithName("ReplaceStudioHours")
            .WithSummary("Replaces the studio's weekly opening hours; errors name the interval, e.g. intervals[2].closes.");

        var rooms = api.MapGroup("/rooms").WithTags("Rooms");
        rooms.MapGet("/", ListRoomsAsync).RequireAuthorization(Policies.StudioData).WithName("ListRooms").WithSummary("The studio's rooms, in use first.");
        rooms.MapPost("/", AddRoomAsync).RequireAuthorization(Policies.StudioAdmin).WithName("AddRoom")
            .WithSummary("Adds a room; its name must differ from the other rooms' (case-insensitively).");
        rooms.MapPut("/{id:guid}", UpdateRoomAsync).RequireAuthorization(Policies.StudioAdmin).WithName("UpdateRoom")
            .WithSummary("Renames a room and/or takes it out of use (isActive false) or back; a field left out stays as it is.");
        return api;
    }

    private static async Task<Ok<StudioHoursDto>> GetHoursAsync(WeeklyHoursService hours, CancellationToken cancellationToken) =>
        TypedResults.Ok(await hours.StudioAsync(cancellationToken));

    private static async Task<Results<Ok<StudioHoursDto>, ValidationProblem>> PutHoursAsync(WeeklyHoursUpdate input, WeeklyHoursService hours, CancellationToken cancellationToken)
    {
        var result = await hours.ReplaceAsync(null, input.Intervals, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(await hours.StudioAsync(cancellationToken)) : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<Ok<IReadOnlyList<RoomDto>>> ListRoomsAsync(RoomService rooms, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rooms.ListAsync(cancellationToken));

    private static async Task<Results<Created<RoomDto>, ValidationProblem>> AddRoomAsync(RoomInput input, RoomService rooms, CancellationToken cancellationToken)
    {
        var result = await rooms.AddAsync(input, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/rooms/{result.Value!.Id}", result.Value)
            : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<Results<Ok<RoomDto>, NotFound, ValidationProblem>> UpdateRoomAsync(Guid id, RoomInput input, RoomService rooms, CancellationToken cancellationToken)
    {
        var result = await rooms.UpdateAsync(id, input, cancellationToken);
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded ? TypedResults.Ok(result.Value!) : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Clients;

public static class ClientEndpoints
{
    public static RouteGroupBuilder MapClientApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/clients").WithTags("Clients").RequireAuthorization(Policies.StudioData);
        group.MapGet("/", ListAsync).WithName("ListClients").WithSummary("Clients by name; 'search' matches name, e-mail or phone.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetClient");
        group.MapPost("/", CreateAsync).WithName("CreateClient");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateClient");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteClient");
        group.MapGet("/{id:guid}/duplicates", DuplicatesAsync).WithName("ClientDuplicates")
            .WithSummary("Other clients with the same e-mail address or phone number.");
        group.MapPost("/{id:guid}/merge", MergeAsync).WithName("MergeClients")
            .WithSummary("Moves everything of duplicateId to this client and deletes the duplicate.");
        group.MapGet("/{id:guid}/notes", NotesAsync).WithName("ClientNotes");
        group.MapPost("/{id:guid}/notes", AddNoteAsync).WithName("AddClientNote");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ClientDto>>> ListAsync(string? search, ClientService clients, CancellationToken cancellationToken) =>
        TypedResults.Ok(await clients.ListAsync(search, cancellationToken));

    private static async Task<Results<Ok<ClientDto>, NotFound>> GetAsync(Guid id, ClientService clients, CancellationToken cancellationToken) =>
        await clients.GetAsync(id, cancellationToken) is { } client ? TypedResults.Ok(client) : TypedResults.NotFound();

    private static async Task<Results<Created<ClientDto>, ValidationProblem>> CreateAsync(ClientInput input, ClientService clients, CancellationToken cancellationToken)
    {
        var result = await clients.CreateAsync(input, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/clients/{result.Value!.Id}", result.Value)
            : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<Results<Ok<ClientDto>, NotFound, ValidationProblem>> UpdateAsync(Guid id, ClientInput input, ClientService clients, CancellationToken cancellationToken)
    {
        var result = await clients.UpdateAsync(id, input, cancellationToken);
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded ? TypedResults.Ok(result.Value!) : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<Ok<IReadOnlyList<DuplicatePair>>> DuplicatesAsync(Guid id, ClientService clients, CancellationToken cancellationToken) =>
        TypedResults.Ok(await clients.DuplicatesOfAsync(id, cancellationToken));

    private static async Task<Results<Ok<ClientDto>, NotFound, ValidationProblem>> MergeAsync(Guid id, MergeInput input, ClaimsPrincipal user, ClientService clients, CancellationToken cancellationToken)
    {
        var result = await clients.MergeAsync(id, input?.DuplicateId, user.UserId(), cancellationToken);
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded ? TypedResults.Ok(result.Value!) : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<Ok<IReadOnlyList<ClientNoteDto>>> NotesAsync(Guid id, ClientService clients, CancellationToken cancellationToken) =>
        TypedResults.Ok(await clients.NotesAsync(id, cancellationToken));

    private static async Task<Results<Created<ClientNoteDto>, NotFound, ValidationProblem>> AddNoteAsync(Guid id, NoteInput input, ClaimsPrincipal user, ClientService clients, CancellationToken cancellationToken)
    {
        var result = await clients.AddNoteAsync(id, input?.Body, user.UserId(), cancellationToken);
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded
            ? TypedResults.Created($"/api/v1/clients/{id}/notes", result.Value!)
            : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, ClientService clients, CancellationToken cancellationToken) =>
        await clients.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}

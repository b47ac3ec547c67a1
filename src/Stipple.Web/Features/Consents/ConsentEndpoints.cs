using Microsoft.AspNetCore.Http.HttpResults;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Consents;

public static class ConsentEndpoints
{
    public static RouteGroupBuilder MapConsentApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/consents").WithTags("Consents").RequireAuthorization(Policies.StudioData);
        group.MapGet("/templates", TemplatesAsync).WithName("ListConsentTemplates")
            .WithSummary("The current version of each consent text (smp-treatment, photo-use, data-processing) with its SHA-256; a studio without one gets version 1 of the default text.");
        group.MapGet("/{id:guid}/pdf", PdfAsync).WithName("GetConsentPdf")
            .WithSummary("A signed consent as PDF: the exact text signed, the client, the drawn and typed signature, when, from where, and the text's hash.")
            .Produces(StatusCodes.Status200OK, contentType: ConsentFile.ContentType);
        api.MapGet("/clients/{clientId:guid}/consents", ClientConsentsAsync).WithTags("Consents").RequireAuthorization(Policies.StudioData)
            .WithName("ListClientConsents")
            .WithSummary("The consents a client signed, newest first; 'current' is false when the studio changed the text since, so the client is asked again.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ConsentTemplateDto>>> TemplatesAsync(ConsentService consents, CancellationToken cancellationToken) =>
        TypedResults.Ok(await consents.CurrentTemplatesAsync(cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<ClientConsentDto>>, NotFound>> ClientConsentsAsync(Guid clientId, ConsentService consents, CancellationToken cancellationToken) =>
        await consents.ListForClientAsync(clientId, cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> PdfAsync(Guid id, HttpContext http, ConsentPdfService pdfs, CancellationToken cancellationToken)
    {
        if (await pdfs.PdfAsync(id, cancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }

        // Signed health consents must not linger in shared or browser caches.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(file.Content, ConsentFile.ContentType, file.FileName);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Stipple.Web.Features.Consultations;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Photos;

public static class PhotoEndpoints
{
    /// <summary>Uploads may be larger than other requests: a phone photo up to the photo limit, plus the form around it.</summary>
    public const long UploadRequestLimit = 64L * 1024 * 1024;

    public static RouteGroupBuilder MapPhotoApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Photos").RequireAuthorization(Policies.StudioData);
        group.MapGet("/consultations/{id:guid}/photos", ListAsync).WithName("ConsultationPhotos");
        group.MapPost("/consultations/{id:guid}/photos/{angle}", UploadAsync).WithName("UploadPhoto")
            .WithSummary("Uploads the photo of one angle (front, top, left, right, back, crown) as multipart field 'file'.")
            .WithDescription("Only real JPEG, PNG or WebP files are accepted (judged by their bytes), within the size and pixel limits; metadata (EXIF GPS, camera data, XMP, comments) is removed before storing.")
            .RequireAuthorization(Policies.Practice);
        group.MapGet("/photos/{id:guid}", GetAsync).WithName("GetPhoto").WithSummary("The photo's bytes, for the studio's staff.");
        group.MapPut("/photos/{id:guid}/alignment", AlignAsync).WithName("AlignPhoto")
            .WithSummary("Sets where the scalp map's landmarks (glabella, right temporal, left temporal, vertex) sit on the photo.")
            .WithDescription("Each handle is {\"x\", \"y\"} in normalised coordinates of the photo as shown (EXIF orientation applied): (0, 0) top-left, "
                + "(1, 1) bottom-right, values from -1 to 2. Refused, naming the field, when a value is out of range (\"glabella.x\"), two handles are "
                + "closer than 2% of the photo's diagonal (\"vertex\"), or the handles fold the map over itself (\"alignment\"). A new upload of the "
                + "photo clears its alignment.")
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.Practice);
        group.MapDelete("/photos/{id:guid}/alignment", ClearAlignmentAsync).WithName("ClearPhotoAlignment")
            .WithSummary("Forgets the photo's alignment.")
            .RequireAuthorization(Policies.Practice);
        group.MapGet("/clients/{id:guid}/clearances", ClearancesAsync).WithName("ClientClearances");
        group.MapPost("/clients/{id:guid}/clearances", UploadClearanceAsync).WithName("UploadClearance")
            .WithSummary("Uploads a doctor's clearance (PDF or photo) as multipart field 'file', with an optional 'note'.")
            .RequireAuthorization(Policies.Practice);
        group.MapGet("/clearances/{id:guid}", GetClearanceAsync).WithName("GetClearance");
        return api;
    }

    /// <summary>A client's own photo through their link: only photos of the client the link was made for.</summary>
    public static IEndpointRouteBuilder MapClientPhotoRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/c/{token}/photos/{id:guid}", ClientPhotoAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<PhotoDto>>> ListAsync(Guid id, PhotoService photos, CancellationToken cancellationToken) =>
        TypedResults.Ok(await photos.ForConsultationAsync(id, cancellationToken));

    private static async Task<Results<Created<PhotoDto>, NotFound, ValidationProblem>> UploadAsync(Guid id, string angle, HttpRequest request, ClaimsPrincipal user, PhotoService photos, CancellationToken cancellationToken)
    {
        AllowUploadBody(request.HttpContext);
        var file = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file") : null;
        var result = await photos.UploadAsync(id, angle, file, user.UserId(), cancellationToken);
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded
            ? TypedResults.Created(result.Value!.Url, result.Value)
            : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<IResult> GetAsync(Guid id, PhotoService photos, HttpContext context, CancellationToken cancellationToken) =>
        Serve(await photos.OpenAsync(id, cancellationToken), context, inline: true);

    private static async Task<Results<Ok<PhotoDto>, NotFound, ValidationProblem>> AlignAsync(Guid id, PhotoAlignmentInput? input, ClaimsPrincipal user, PhotoService photos, CancellationToken cancellationToken)
    {
        var result = await photos.AlignAsync(id, input, user.UserId(), cancellationToken);
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded ? TypedResults.Ok(result.Value!) : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<Results<NoContent, NotFound>> ClearAlignmentAsync(Guid id, PhotoService photos, CancellationToken cancellationToken) =>
        await photos.ClearAlignmentAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<ClearanceDto>>> ClearancesAsync(Guid id, PhotoService photos, CancellationToken cancellationToken) =>
        TypedResults.Ok(await photos.ClearancesAsync(id, cancellationToken));

    private static async Task<Results<Created<ClearanceDto>, NotFound, ValidationProblem>> UploadClearanceAsync(Guid id, HttpRequest request, ClaimsPrincipal user, PhotoService photos, CancellationToken cancellationToken)
    {
        AllowUploadBody(request.HttpContext);
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        var result = await photos.UploadClearanceAsync(id, form?.Files.GetFile("file"), form?["note"], user.UserId(), cancellationToken);
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded
            ? TypedResults.Created(result.Value!.Url, result.Value)
            : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    private static async Task<IResult> GetClearanceAsync(Guid id, PhotoService photos, HttpContext context, CancellationToken cancellationToken) =>
        Serve(await photos.OpenClearanceAsync(id, cancellationToken), context, inline: false);

    private static async Task<IResult> ClientPhotoAsync(string token, Guid id, IntakeService intakes, PhotoService photos, HttpContext context, CancellationToken cancellationToken)
    {
        var link = await intakes.FindLinkAsync(token, cancellationToken);
        return link is null ? TypedResults.NotFound() : Serve(await photos.OpenForClientAsync(link.ClientId, id, cancellationToken), context, inline: true);
    }

    /// <summary>
    /// Raises this request's body limit to <see cref="UploadRequestLimit"/> (the server's default is smaller), so an
    /// oversized photo is read and refused with a message naming the field rather than cut off.
    /// </summary>
    public static void AllowUploadBody(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = UploadRequestLimit;
        }
    }

    private static IResult Serve(OpenedFile? file, HttpContext context, bool inline)
    {
        if (file is null)
        {
            return TypedResults.NotFound();
        }

        // Health records: never in a shared cache; the browser may keep its own copy (the bytes of a hash never change).
        context.Response.Headers.CacheControl = "private, max-age=3600";
        context.Response.Headers.ContentDisposition = (inline ? "inline" : "attachment") + "; filename=\"" + file.FileName + "\"";
        context.Response.RegisterForDisposeAsync(file);
        return TypedResults.Stream(file.Content, file.MediaType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + file.ContentHash + "\""));
    }
}

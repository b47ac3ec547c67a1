using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Core.Care;
using Stipple.Core.Design;
using Stipple.Core.Rendering;
using Stipple.Domain;
using Stipple.Web.Features.Consultations;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.Photos;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.DesignStudio;

/// <summary>
/// The design studio of one consultation: the hairline and zones edited on the scalp map and on the client's photos,
/// live dots, saved versions and the client's approval. The editing itself is the TypeScript module
/// (Frontend/design-studio); this page hands it the document, templates, photos and URLs as JSON.
/// </summary>
public sealed class StudioModel(
    ConsultationService consultations,
    DesignVersionService versions,
    PhotoService photos,
    StudioClock clock,
    IAuthorizationService authorization) : PageModel
{
    private static readonly JsonSerializerOptions PageJson = new(JsonSerializerDefaults.Web);

    public ConsultationDetails Consultation { get; private set; } = null!;

    public DesignVersionsView Versions { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    /// <summary>The version loaded into the editor, or null for a template.</summary>
    public int? LoadedVersion { get; private set; }

    /// <summary>The JSON the module starts from (written into a non-executing script element).</summary>
    public string DataJson { get; private set; } = "{}";

    [BindProperty]
    public int? ApproveNumber { get; set; }

    [BindProperty]
    public string? ClientName { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, version, cancellationToken))
        {
            return NotFound();
        }

        if (version is not null && LoadedVersion != version)
        {
            TempData["Flash"] = $"There is no version {version}; showing the latest.";
        }

        return Page();
    }

    /// <summary>The versions panel alone, for the module to refresh after a save.</summary>
    public async Task<IActionResult> OnGetVersionsAsync(Guid id, CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        var list = await versions.ListAsync(id, cancellationToken);
        if (list is null)
        {
            return NotFound();
        }

        var consultation = await consultations.GetAsync(id, cancellationToken);
        return Partial("_DesignVersions", new DesignVersionsView(id, list, await CanWriteAsync(), clock, consultation?.Client.FullName, null, null));
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await CanWriteAsync())
        {
            return Forbid();
        }

        var number = ApproveNumber ?? 0;
        var result = await versions.ApproveAsync(id, number, ClientName, User.UserId(), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            if (!await LoadAsync(id, number, cancellationToken))
            {
                return NotFound();
            }

            Versions = Versions with { ApproveErrors = result.Errors, ApproveName = ClientName };
            return Page();
        }

        TempData["Flash"] = $"Version {number} approved by {result.Value!.ClientName}. The treatment plan will use it.";
        return RedirectToPage(new { id, version = number });
    }

    private async Task<bool> CanWriteAsync() => (await authorization.AuthorizeAsync(User, Policies.Practice)).Succeeded;

    private async Task<bool> LoadAsync(Guid id, int? version, CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        var consultation = await consultations.GetAsync(id, cancellationToken);
        var list = consultation is null ? null : await versions.ListAsync(id, cancellationToken);
        if (consultation is null || list is null)
        {
            return false;
        }

        Consultation = consultation;
        CanEdit = await CanWriteAsync();
        Versions = new DesignVersionsView(id, list, CanEdit, clock, consultation.Client.FullName, ApproveNumber is null ? null : ClientName, null);

        // Start from the version asked for, else the approved one, else the latest, else a template for the client.
        var number = version is { } asked && list.Versions.Any(v => v.Number == asked)
            ? asked
            : list.Approval?.Number ?? (list.Versions.Count > 0 ? list.Versions[0].Number : null);
        var loaded = number is { } n ? await versions.GetAsync(id, n, cancellationToken) : null;
        LoadedVersion = loaded?.Number;
        var design = loaded?.Design ?? DesignStudioTemplates.Create(SuggestedTemplate(consultation.Intake));
        DataJson = BuildData(id, design, await photos.ForConsultationAsync(id, cancellationToken));
        return true;
    }

    /// <summary>Female pattern loss (Ludwig or Savin) starts from the female template; everyone else from the mature male line.</summary>
    private static TemplateKind SuggestedTemplate(Intake? intake) =>
        intake?.Classification is { } c && (c.Ludwig is not null || c.Savin is not null) ? TemplateKind.Female : TemplateKind.MaleMature;

    private string BuildData(Guid id, DesignDocument design, IReadOnlyList<PhotoDto> photoList)
    {
        var templates = new JsonArray();
        foreach (var kind in Enum.GetValues<TemplateKind>())
        {
            templates.Add(new JsonObject
            {
                ["key"] = DesignTemplates.NameOf(kind),
                ["label"] = DesignStudioTemplates.Label(kind),
                ["design"] = JsonNode.Parse(DesignJson.Serialize(DesignStudioTemplates.Create(kind))),
            });
        }

        var landmarks = new JsonArray();
        foreach (var landmark in AlignmentLandmarks.All)
        {
            landmarks.Add(new JsonObject { ["key"] = landmark.Key, ["label"] = landmark.DisplayName, ["x"] = landmark.Position.X, ["y"] = landmark.Position.Y });
        }

        var photoArray = new JsonArray();
        foreach (var photo in photoList.OrderBy(p => p.Angle))
        {
            photoArray.Add(new JsonObject
            {
                ["id"] = photo.Id,
                ["angle"] = PhotoAngles.Code(photo.Angle),
                ["label"] = PhotoAngles.Label(photo.Angle),
                ["url"] = photo.Url,
                ["displayWidth"] = photo.DisplayWidth,
                ["displayHeight"] = photo.DisplayHeight,
                ["alignment"] = photo.Alignment is null ? null : JsonSerializer.SerializeToNode(photo.Alignment, PageJson),
            });
        }

        var data = new JsonObject
        {
            ["consultationId"] = id,
            ["canEdit"] = CanEdit,
            ["design"] = JsonNode.Parse(DesignJson.Serialize(design)),
            ["basedOnVersion"] = LoadedVersion,
            ["templates"] = templates,
            ["landmarks"] = landmarks,
            ["look"] = JsonSerializer.SerializeToNode(LookParameters.Default, PageJson),
            ["photos"] = photoArray,
            ["urls"] = new JsonObject
            {
                ["render"] = "/api/v1/design/render",
                ["versions"] = $"/api/v1/consultations/{id}/designs",
                ["versionsPanel"] = $"/Consultations/{id}/Design?handler=Versions",
                ["alignment"] = "/api/v1/photos/{id}/alignment",
            },
        };

        // '<' escaped so the JSON can never close the script element it sits in.
        return data.ToJsonString().Replace("<", "\\u003c", StringComparison.Ordinal);
    }
}

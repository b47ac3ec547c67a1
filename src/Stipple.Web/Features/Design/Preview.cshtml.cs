using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Core.Design;
using Stipple.Core.Rendering;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Design;

/// <summary>
/// The design engine on a page: a template stippled, its healed, fresh or aged look session by session, the
/// hairline at full size, and the numbers a practitioner quotes from (dots, density, minutes per session).
/// </summary>
public sealed class PreviewModel(DesignService designs) : PageModel
{
    /// <summary>Overview width in px.</summary>
    public const int OverviewWidth = 1000;

    /// <summary>The close-up: 30 px per mm, 36 × 20 mm around the mid-frontal point.</summary>
    public const double CloseUpPxPerMm = 30;

    [BindProperty(SupportsGet = true)]
    public PreviewQuery Query { get; set; } = new();

    public TemplateKind Kind { get; private set; }

    public RenderOptions Options { get; private set; } = new();

    public DesignReport Report { get; private set; } = new();

    public FieldErrors Errors { get; } = new();

    public string ImageQuery(string view) =>
        $"?handler=Image&view={view}&kind={DesignTemplates.NameOf(Kind)}&look={Options.Look.ToString().ToLowerInvariant()}"
        + $"&years={Options.Years.ToString(System.Globalization.CultureInfo.InvariantCulture)}&session={Options.Session?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Kind = Query.TemplateOr(Errors);
        var (result, report) = await designs.TemplateAsync(Kind, cancellationToken);
        Options = Query.OptionsOr(Errors, result.Design.Sessions.Count);
        Report = report;
    }

    /// <summary>One preview image. Only the dots are needed, so no report and no database round trip.</summary>
    public IActionResult OnGetImage(string? view)
    {
        var errors = new FieldErrors();
        var kind = Query.TemplateOr(errors);
        var result = Stippler.Stipple(DesignTemplates.Create(kind));
        var options = Query.OptionsOr(errors, result.Design.Sessions.Count);
        if (errors.Any)
        {
            return BadRequest();
        }

        options = string.Equals(view, "hairline", StringComparison.Ordinal)
            ? options with { PxPerMm = CloseUpPxPerMm, View = new MapRect(-18, result.MidFrontalPointMm - 8, 36, 20) }
            : options with { WidthPx = OverviewWidth };
        Response.Headers.CacheControl = "private, max-age=300";
        return File(PngEncoder.Encode(DotRenderer.Render(result, options)), "image/png");
    }
}

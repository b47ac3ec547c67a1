using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Colour;

/// <summary>
/// The "match pigment" panel on a page of its own: hair and skin in, the studio's pigments × dilutions ranked by how
/// close their predicted healed colour comes. The consultation page embeds the same panel (_MatchPanel).
/// </summary>
public sealed class MatchModel(ColourService colours) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MatchForm Form { get; set; } = new();

    public MatchResponse? Result { get; private set; }

    /// <summary>A problem that belongs to no field (an empty catalogue, bad studio ratios).</summary>
    public string? GeneralError { get; private set; }

    public MatchPanelView Panel => new(Form, Result, GeneralError, "/Pigments/Match");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Form.Go)
        {
            return;
        }

        ModelState.Clear();
        var errors = new FieldErrors();
        var input = Form.ToInput(errors);
        var result = errors.Any ? Result<MatchResponse>.Invalid(errors) : await colours.MatchAsync(input, cancellationToken);
        if (result.Succeeded)
        {
            Result = result.Value;
            return;
        }

        result.Errors!.CopyTo(ModelState, MatchForm.FieldFor);
        GeneralError = ModelState.TryGetValue("", out var general) && general.Errors.Count > 0 ? general.Errors[0].ErrorMessage : null;
    }
}

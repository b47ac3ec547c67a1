using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime.Text;
using Stipple.Core.Colour;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.Pigments;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Colour;

/// <summary>
/// Healed results and the studio's calibrated model: practitioners record the measured healed colour after a session;
/// from five on, matching uses parameters refitted to them, and the page shows the held-out error before and after.
/// </summary>
public sealed class CalibrationModel(ColourService colours, PigmentService pigments, StudioClock clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public RecordForm Input { get; set; } = new();

    public ModelSummary Model { get; private set; } = null!;

    public IReadOnlyList<ColourRecordDto> Records { get; private set; } = [];

    public IReadOnlyList<SelectablePigment> Pigments { get; private set; } = [];

    public IReadOnlyList<Dilution> Ratios { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public StudioClock Clock => clock;

    public static AppearanceParameters Defaults => AppearanceParameters.Default;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.SessionOn = LocalDatePattern.Iso.Format(clock.Today);
        Input.Dilution = Ratios.Count > 0 ? Ratios[Ratios.Count / 2].ToString() : "1:1";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Practice)).Succeeded)
        {
            return Forbid();
        }

        var result = ModelState.IsValid ? await colours.AddRecordAsync(Input.ToInput(), User.UserId(), cancellationToken) : null;
        if (result is null || !result.Succeeded)
        {
            result?.Errors!.CopyTo(ModelState, field => RecordForm.FieldFor(field) is { Length: > 0 } key ? $"{nameof(Input)}.{key}" : "");

            await LoadAsync(cancellationToken);
            return Page();
        }

        var model = (await colours.ModelAsync(cancellationToken)).Summary;
        TempData["Flash"] = string.Equals(model.Source, "studio", StringComparison.Ordinal)
            ? $"Healed result recorded. Matching now uses this studio's calibration from {model.RecordCount} results."
            : $"Healed result recorded: {model.RecordCount} of {model.RecordsNeeded} needed before matching is calibrated to this studio.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Practice)).Succeeded)
        {
            return Forbid();
        }

        TempData["Flash"] = await colours.DeleteRecordAsync(id, cancellationToken) ? "Healed result deleted; the model was refitted." : "That result was already gone.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Practice)).Succeeded;
        var (parameters, summary) = await colours.ModelAsync(cancellationToken);
        Model = summary;
        Records = await colours.RecordsAsync(parameters, null, cancellationToken);
        Pigments = await pigments.SelectableAsync(clock.Today, cancellationToken);
        Ratios = await colours.StudioRatiosAsync(cancellationToken);
    }

    /// <summary>The record form's fields (colours as hex, which the sampler fills from a healed-review photo).</summary>
    public sealed class RecordForm
    {
        public Guid? PigmentId { get; set; }

        public Guid? LotId { get; set; }

        [System.ComponentModel.DataAnnotations.StringLength(20)]
        public string? Dilution { get; set; }

        [System.ComponentModel.DataAnnotations.StringLength(20)]
        public string? SkinHex { get; set; }

        [System.ComponentModel.DataAnnotations.StringLength(20)]
        public string? HealedHex { get; set; }

        [System.ComponentModel.DataAnnotations.StringLength(40)]
        public string? SessionOn { get; set; }

        [System.ComponentModel.DataAnnotations.StringLength(4000)]
        public string? Note { get; set; }

        /// <summary>The form field that shows an error the service reported under an API field name.</summary>
        public static string FieldFor(string apiField) => apiField switch
        {
            "skin" or "skin.hex" or "skin.lab" => nameof(SkinHex),
            "healed" or "healed.hex" or "healed.lab" => nameof(HealedHex),
            "pigmentId" => nameof(PigmentId),
            "lotId" => nameof(LotId),
            "dilution" => nameof(Dilution),
            "sessionOn" => nameof(SessionOn),
            "note" => nameof(Note),
            _ => "",
        };

        public ColourRecordInput ToInput() => new()
        {
            PigmentId = PigmentId,
            LotId = LotId,
            Dilution = Dilution,
            Skin = new ColourInput { Hex = SkinHex ?? "" },
            Healed = new ColourInput { Hex = HealedHex ?? "" },
            SessionOn = SessionOn,
            Note = Note,
        };
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Domain;
using Stipple.Web.Features.Clients;
using Stipple.Web.Features.Layout;

namespace Stipple.Web.Features.Photos;

/// <summary>The same angle from two visits side by side (by default the first and the latest).</summary>
public sealed class CompareModel(PhotoService photos, ClientService clients, StudioClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Angle { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? After { get; set; }

    public ClientDto Client { get; private set; } = null!;

    public PhotoAngle Selected { get; private set; }

    public IReadOnlyDictionary<PhotoAngle, IReadOnlyList<AnglePhoto>> ByAngle { get; private set; } = new Dictionary<PhotoAngle, IReadOnlyList<AnglePhoto>>();

    public IReadOnlyList<AnglePhoto> Choices => ByAngle.TryGetValue(Selected, out var list) ? list : [];

    public AnglePhoto? Left { get; private set; }

    public AnglePhoto? Right { get; private set; }

    public StudioClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        var client = await clients.GetAsync(id, cancellationToken);
        if (client is null)
        {
            return NotFound();
        }

        Client = client;
        ByAngle = await photos.ByAngleAsync(id, cancellationToken);
        Selected = PhotoAngles.TryParse(Angle, out var angle) ? angle : PhotoAngle.Front;
        var choices = Choices;
        Left = choices.FirstOrDefault(p => p.ConsultationId == Before) ?? (choices.Count > 0 ? choices[^1] : null);
        Right = choices.FirstOrDefault(p => p.ConsultationId == After) ?? (choices.Count > 0 ? choices[0] : null);
        return Page();
    }
}

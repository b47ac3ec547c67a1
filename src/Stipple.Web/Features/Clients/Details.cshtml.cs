using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Web.Features.Layout;

namespace Stipple.Web.Features.Clients;

public sealed class DetailsModel(ClientService clients, StudioClock clock) : PageModel
{
    [BindProperty]
    public ClientInput Input { get; set; } = new();

    public ClientDto Client { get; private set; } = null!;

    public string Since => clock.FormatDate(Client.CreatedAt.InZone(clock.Zone).Date);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = ClientInput.From(Client);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await clients.UpdateAsync(id, Input, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            result.Errors!.CopyTo(ModelState, nameof(Input));
            return Page();
        }

        TempData["Flash"] = "Contact details saved.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        var client = await clients.GetAsync(id, cancellationToken);
        if (client is null)
        {
            return false;
        }

        Client = client;
        return true;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stipple.Web.Features.Clients;

public sealed class IndexModel(ClientService clients) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty]
    public ClientInput Input { get; set; } = new();

    public IReadOnlyList<ClientDto> Clients { get; private set; } = [];

    public IReadOnlyList<DuplicatePair> Duplicates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Clients = await clients.ListAsync(Search, cancellationToken);
        Duplicates = await clients.DuplicatesAsync(10, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await clients.CreateAsync(Input, cancellationToken) : null;
        if (result is null || !result.Succeeded)
        {
            result?.Errors!.CopyTo(ModelState, nameof(Input));
            Clients = await clients.ListAsync(Search, cancellationToken);
            return Page();
        }

        TempData["Flash"] = $"{result.Value!.FullName} added.";
        return RedirectToPage("Details", new { id = result.Value.Id });
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Web.Features.StudioCalendar;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Settings;

/// <summary>The studio's treatment rooms: add, rename, take out of use and back.</summary>
[Authorize(Policy = Policies.Owner)]
public sealed class RoomsModel(RoomService rooms) : PageModel
{
    public IReadOnlyList<RoomDto> Rooms { get; private set; } = [];

    /// <summary>The new room's name as typed.</summary>
    public string? NewName { get; private set; }

    /// <summary>The room whose rename failed, and the name as typed (shown back in its row).</summary>
    public (Guid Id, string? Name)? Renaming { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rooms = await rooms.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(string? name, CancellationToken cancellationToken)
    {
        var result = await rooms.AddAsync(new RoomInput(name, true), cancellationToken);
        if (!result.Succeeded)
        {
            NewName = name;
            result.Errors!.CopyTo(ModelState, key => string.Equals(key, "name", StringComparison.Ordinal) ? "NewName" : key);
            Rooms = await rooms.ListAsync(cancellationToken);
            return Page();
        }

        TempData["Flash"] = $"{result.Value!.Name} added.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, string? name, CancellationToken cancellationToken)
    {
        var result = await rooms.UpdateAsync(id, new RoomInput(name ?? "", null), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Renaming = (id, name);
            result.Errors!.CopyTo(ModelState, key => string.Equals(key, "name", StringComparison.Ordinal) ? RenameKey(id) : key);
            Rooms = await rooms.ListAsync(cancellationToken);
            return Page();
        }

        TempData["Flash"] = $"Renamed to {result.Value!.Name}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostActiveAsync(Guid id, bool active, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var result = await rooms.UpdateAsync(id, new RoomInput(null, active), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = active
            ? $"{result.Value!.Name} is back in use."
            : $"{result.Value!.Name} is out of use: its past appointments stay, and it takes no new ones.";
        return RedirectToPage();
    }

    public static string RenameKey(Guid id) => $"Rename.{id:N}";
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Domain;
using Stipple.Web.Features.Layout;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.CalendarFeeds;

/// <summary>
/// Makes or turns off a calendar feed link, and shows a new link once. Any member of staff may for a client; a
/// practitioner's own link is theirs to manage, and an owner may manage anyone's. The feed sections on the client page
/// and on Your security post here (with htmx the section is swapped in place).
/// </summary>
public sealed class LinkModel(CalendarFeedService feeds, StudioClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? StaffId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ClientId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public CalendarFeedView Feed { get; private set; } = null!;

    private CalendarFeedTarget Target => new(StaffId, ClientId);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        Allowed() ? await ShowAsync(null, null, cancellationToken) : Forbid();

    public async Task<IActionResult> OnPostNewAsync(CancellationToken cancellationToken)
    {
        if (!Allowed())
        {
            return Forbid();
        }

        var token = await feeds.CreateAsync(Target, User.UserId(), cancellationToken);
        if (token is null)
        {
            return NotFound();
        }

        // Shown on this response only: the database keeps the token's hash, never the token.
        var url = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{CalendarFeedService.PathFor(token)}";
        return await ShowAsync(url, "A new link was made. Any older link no longer works.", cancellationToken);
    }

    public async Task<IActionResult> OnPostOffAsync(CancellationToken cancellationToken)
    {
        if (!Allowed())
        {
            return Forbid();
        }

        return await feeds.TurnOffAsync(Target, cancellationToken)
            ? await ShowAsync(null, "The feed is off: calendars subscribed to the link get nothing more.", cancellationToken)
            : NotFound();
    }

    /// <summary>A client's feed: any member of staff. A practitioner's: themselves, or an owner.</summary>
    private bool Allowed() =>
        Target.IsValid && (ClientId is not null || StaffId == User.UserId() || User.IsInRole(StaffRoles.Owner));

    private async Task<IActionResult> ShowAsync(string? newUrl, string? notice, CancellationToken cancellationToken)
    {
        var status = await feeds.StatusAsync(Target, cancellationToken);
        if (status is null)
        {
            return NotFound();
        }

        await clock.LoadAsync(cancellationToken);
        var since = status.ActiveSince is { } at ? clock.FormatDateTime(at) : null;
        var back = ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url
            : ClientId is { } client ? $"/Clients/{client:D}" : "/Accounts/Security";
        Feed = new CalendarFeedView(Target, status.OwnerName, StaffId is not null && StaffId == User.UserId(), since, newUrl, back, notice);
        return Page();
    }
}

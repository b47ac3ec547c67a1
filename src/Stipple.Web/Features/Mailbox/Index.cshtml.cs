using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Web.Features.Layout;
using Stipple.Web.Infrastructure.Auth;
using Stipple.Web.Infrastructure.Email;

namespace Stipple.Web.Features.Mailbox;

/// <summary>
/// The development mailbox: the studio's own outgoing messages, when no SMTP server is configured. Owners only: the
/// messages include invitation links, which must not reach someone who could accept an owner's invitation.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.Owner)]
public sealed class IndexModel(ShellInfo shell, IEmailSender sender) : PageModel
{
    public IReadOnlyList<MailboxEntry> Messages { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!shell.MailboxEnabled || sender is not FileMailbox mailbox)
        {
            return NotFound();
        }

        Messages = mailbox.List(User.StudioId()!.Value, max: 50);
        return Page();
    }
}

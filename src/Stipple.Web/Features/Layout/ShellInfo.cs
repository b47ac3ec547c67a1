using Microsoft.EntityFrameworkCore;
using Stipple.Data;
using Stipple.Data.Tenancy;

namespace Stipple.Web.Features.Layout;

/// <summary>What the page shell shows around every signed-in page: the studio's name and optional dev tools.</summary>
public sealed class ShellInfo(StippleDbContext db, StudioScope scope, IWebHostEnvironment environment, Infrastructure.StippleSettings settings)
{
    public bool MailboxEnabled => settings.Smtp is null && !environment.IsProduction();

    public async Task<string> StudioNameAsync(CancellationToken cancellationToken)
    {
        if (scope.StudioId is null)
        {
            return "";
        }

        return await db.Studios.AsNoTracking().Select(s => s.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
    }
}

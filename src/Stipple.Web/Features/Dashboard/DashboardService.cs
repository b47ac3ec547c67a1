using Microsoft.EntityFrameworkCore;
using Stipple.Data;

namespace Stipple.Web.Features.Dashboard;

/// <summary>Today at a glance: appointments (none until scheduling exists), recent clients and head counts.</summary>
public sealed class DashboardService(StippleDbContext db)
{
    public async Task<DashboardView> GetAsync(CancellationToken cancellationToken)
    {
        var recent = await db.Clients.AsNoTracking()
            .OrderByDescending(c => c.CreatedAt)
            .Take(6)
            .Select(c => new RecentClient(c.Id, c.GivenName + " " + c.FamilyName, c.Email, c.CreatedAt))
            .ToListAsync(cancellationToken);
        var clientCount = await db.Clients.CountAsync(cancellationToken);
        var staffCount = await db.StaffUsers.CountAsync(u => u.IsActive, cancellationToken);
        var roomCount = await db.Rooms.CountAsync(cancellationToken);
        return new DashboardView(recent, clientCount, staffCount, roomCount);
    }
}

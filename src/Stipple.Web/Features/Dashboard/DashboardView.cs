using NodaTime;

namespace Stipple.Web.Features.Dashboard;

public sealed record DashboardView(IReadOnlyList<RecentClient> RecentClients, int ClientCount, int StaffCount, int RoomCount);

public sealed record RecentClient(Guid Id, string Name, string? Email, Instant CreatedAt);

namespace Stipple.Web.Features.CalendarFeeds;

/// <summary>Whose appointments a feed shows: one practitioner's (<see cref="StaffId"/>) or one client's (<see cref="ClientId"/>).</summary>
public sealed record CalendarFeedTarget(Guid? StaffId, Guid? ClientId)
{
    public static CalendarFeedTarget Staff(Guid staffId) => new(staffId, null);

    public static CalendarFeedTarget Client(Guid clientId) => new(null, clientId);

    /// <summary>Exactly one of the two is given.</summary>
    public bool IsValid => (StaffId is null) != (ClientId is null);
}

namespace Stipple.Web.Features.CalendarFeeds;

/// <summary>
/// The feed section of a page. <see cref="NewUrl"/> is set only on the response that made the link (it is never
/// stored); <see cref="ActiveSince"/> is the formatted date the current link was made, or null when there is none.
/// </summary>
public sealed record CalendarFeedView(
    CalendarFeedTarget Target,
    string OwnerName,
    bool ForSelf,
    string? ActiveSince,
    string? NewUrl,
    string ReturnUrl,
    string? Notice = null)
{
    public string Key => (Target.StaffId ?? Target.ClientId ?? Guid.Empty).ToString("N");
}

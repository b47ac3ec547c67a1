using NodaTime;

namespace Stipple.Web.Features.CalendarFeeds;

/// <summary>A practitioner's or client's feed link: whose it is, and since when the current link works (null: none).</summary>
public sealed record CalendarFeedStatus(string OwnerName, Instant? ActiveSince);

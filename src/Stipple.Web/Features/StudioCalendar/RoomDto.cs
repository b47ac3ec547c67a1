namespace Stipple.Web.Features.StudioCalendar;

/// <summary>A treatment room; one that is not <see cref="IsActive"/> keeps its past appointments but takes no new ones.</summary>
public sealed record RoomDto(Guid Id, string Name, bool IsActive);

namespace Stipple.Web.Features.StudioCalendar;

/// <summary>A member of staff as their hours page shows them.</summary>
public sealed record StaffCalendarDto(Guid Id, string DisplayName, bool TakesBookings);

namespace Stipple.Web.Features.StudioCalendar;

/// <summary>
/// The body of <c>POST /api/v1/rooms</c> and <c>PUT /api/v1/rooms/{id}</c>: a name (unique in the studio, up to 60
/// characters) and whether the room takes new bookings. Left out or null in a change, a value stays as it is.
/// </summary>
public sealed record RoomInput(string? Name, bool? IsActive);

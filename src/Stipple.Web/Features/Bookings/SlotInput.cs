namespace Stipple.Web.Features.Bookings;

/// <summary>One slot of a proposed schedule as a booking form posts it back: who, where, and the start instant (ISO).</summary>
public sealed class SlotInput
{
    public Guid PractitionerId { get; set; }

    public Guid RoomId { get; set; }

    public string? Start { get; set; }
}

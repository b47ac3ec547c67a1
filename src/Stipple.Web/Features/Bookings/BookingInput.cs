namespace Stipple.Web.Features.Bookings;

/// <summary>The front desk's quick booking form as typed (dates and times as text, kept on every error).</summary>
public sealed class BookingInput
{
    public Guid? ClientId { get; set; }

    public string Kind { get; set; } = "consultation";

    public Guid? PractitionerId { get; set; }

    public Guid? RoomId { get; set; }

    /// <summary>yyyy-MM-dd in the studio's zone.</summary>
    public string? Date { get; set; }

    /// <summary>HH:mm in the studio's zone.</summary>
    public string? Time { get; set; }
}

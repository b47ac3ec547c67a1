namespace Stipple.Domain;

/// <summary>What a member of staff may do in their studio.</summary>
public enum StaffRole
{
    /// <summary>Everything, including prices, staff, settings and API keys.</summary>
    Owner = 1,

    /// <summary>Clients, consultations, designs and session records.</summary>
    Practitioner = 2,

    /// <summary>Clients, bookings and payments.</summary>
    FrontDesk = 3,
}

namespace Stipple.Domain;

/// <summary>The spelling of each role in the database, claims and the API.</summary>
public static class StaffRoles
{
    public const string Owner = "owner";
    public const string Practitioner = "practitioner";
    public const string FrontDesk = "front_desk";

    public static string ToCode(this StaffRole role) => role switch
    {
        StaffRole.Owner => Owner,
        StaffRole.Practitioner => Practitioner,
        StaffRole.FrontDesk => FrontDesk,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown staff role."),
    };

    public static StaffRole FromCode(string code) => TryParse(code, out var role)
        ? role
        : throw new DomainException("role", "must be owner, practitioner or front_desk.");

    public static bool TryParse(string? code, out StaffRole role)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case Owner: role = StaffRole.Owner; return true;
            case Practitioner: role = StaffRole.Practitioner; return true;
            case FrontDesk or "frontdesk" or "front-desk": role = StaffRole.FrontDesk; return true;
            default: role = default; return false;
        }
    }

    public static string DisplayName(this StaffRole role) => role switch
    {
        StaffRole.Owner => "Owner",
        StaffRole.Practitioner => "Practitioner",
        StaffRole.FrontDesk => "Front desk",
        _ => role.ToString(),
    };
}

using Microsoft.AspNetCore.Authorization;
using Stipple.Domain;

namespace Stipple.Web.Infrastructure.Auth;

/// <summary>Who reaches what. Pages and API endpoints name one of these; nothing checks roles by hand.</summary>
public static class Policies
{
    /// <summary>Any signed-in member of staff.</summary>
    public const string Staff = "staff";

    /// <summary>The studio's owners: settings, staff, API keys.</summary>
    public const string Owner = "owner";

    /// <summary>Any member of staff or an API key: reading and changing the studio's working data.</summary>
    public const string StudioData = "studio-data";

    /// <summary>Owners, or an API key: changing studio settings through the API.</summary>
    public const string StudioAdmin = "studio-admin";

    /// <summary>
    /// Owners, practitioners or an API key: changing the studio's clinical stock and records (the pigment catalogue
    /// and its lots). Front desk reads them through <see cref="StudioData"/>.
    /// </summary>
    public const string Practice = "practice";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireClaim(StippleClaims.Kind, StippleClaims.StaffKind)
            .RequireRole(StaffRoles.Owner, StaffRoles.Practitioner, StaffRoles.FrontDesk));
        options.AddPolicy(Owner, p => p.RequireAuthenticatedUser().RequireClaim(StippleClaims.Kind, StippleClaims.StaffKind).RequireRole(StaffRoles.Owner));
        options.AddPolicy(StudioData, p => p.RequireAuthenticatedUser()
            .RequireRole(StaffRoles.Owner, StaffRoles.Practitioner, StaffRoles.FrontDesk, StippleClaims.IntegrationRole));
        options.AddPolicy(StudioAdmin, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Owner, StippleClaims.IntegrationRole));
        options.AddPolicy(Practice, p => p.RequireAuthenticatedUser()
            .RequireRole(StaffRoles.Owner, StaffRoles.Practitioner, StippleClaims.IntegrationRole));
        options.FallbackPolicy = options.GetPolicy(Staff);
    }
}

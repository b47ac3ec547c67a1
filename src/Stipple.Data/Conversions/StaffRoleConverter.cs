using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Stipple.Domain;

namespace Stipple.Data.Conversions;

/// <summary>Roles are stored by their code (owner, practitioner, front_desk), which a check constraint lists.</summary>
public sealed class StaffRoleConverter() : ValueConverter<StaffRole, string>(
    r => r.ToCode(),
    s => StaffRoles.FromCode(s));

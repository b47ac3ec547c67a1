using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Stipple.Domain;

namespace Stipple.Data.Conversions;

/// <summary>Intake sources are stored as staff, client-link or api, which a check constraint lists.</summary>
public sealed class IntakeSourceConverter() : ValueConverter<IntakeSource, string>(
    v => Code(v),
    s => Parse(s))
{
    private static string Code(IntakeSource source) => source switch
    {
        IntakeSource.Staff => "staff",
        IntakeSource.ClientLink => "client-link",
        IntakeSource.Api => "api",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    private static IntakeSource Parse(string text) => text switch
    {
        "staff" => IntakeSource.Staff,
        "client-link" => IntakeSource.ClientLink,
        "api" => IntakeSource.Api,
        _ => throw new InvalidOperationException($"Unknown intake source '{text}' in the database."),
    };
}

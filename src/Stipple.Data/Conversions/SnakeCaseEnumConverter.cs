using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Stipple.Data.Conversions;

/// <summary>
/// An enum stored as the snake_case of its member name (NoShow ↔ no_show), which the table's check constraint lists.
/// </summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => Code(v),
    s => Enum.Parse<TEnum>(s.Replace("_", "", StringComparison.Ordinal), true))
    where TEnum : struct, Enum
{
    /// <summary>The code <paramref name="value"/> is stored as (and the API spells it): NoShow → no_show.</summary>
    public static string Code(TEnum value) => StippleDbContext.ToSnakeCase(value.ToString());
}

using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Stipple.Core.Care;

/// <summary>
/// Reads and writes a NodaTime <see cref="LocalDate"/> as an ISO <c>yyyy-MM-dd</c> JSON string
/// (<see cref="LocalDatePattern.Iso"/>). NodaTime.Serialization.SystemTextJson is not in the package mirror, and this is
/// all Care needs of it. Nullable dates are handled by System.Text.Json around this converter.
/// </summary>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A date is a string \"yyyy-MM-dd\".");
        }

        var result = LocalDatePattern.Iso.Parse(reader.GetString()!);
        return result.Success ? result.Value : throw new JsonException("A date is a string \"yyyy-MM-dd\" naming a real day.");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}

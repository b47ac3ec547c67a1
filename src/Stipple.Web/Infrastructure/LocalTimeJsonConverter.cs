using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Stipple.Web.Infrastructure;

/// <summary>Local times of day cross the API as "HH:mm" (seconds accepted when zero: "10:00:00").</summary>
public sealed class LocalTimeJsonConverter : JsonConverter<LocalTime>
{
    private static readonly LocalTimePattern Short = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public override LocalTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : throw new JsonException("Expected a time of day such as \"10:00\".");
        var parsed = Short.Parse(text);
        if (!parsed.Success)
        {
            parsed = LocalTimePattern.ExtendedIso.Parse(text);
        }

        return parsed.Success ? parsed.Value : throw new JsonException("Expected a time of day such as \"10:00\".");
    }

    public override void Write(Utf8JsonWriter writer, LocalTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Short.Format(value));
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Stipple.Web.Infrastructure;

/// <summary>Wall-clock date-times (the studio's local time, no offset) cross the API as "2026-03-31T10:00:00".</summary>
public sealed class LocalDateTimeJsonConverter : JsonConverter<LocalDateTime>
{
    public override LocalDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var parsed = LocalDateTimePattern.ExtendedIso.Parse(reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : "");
        return parsed.Success ? parsed.Value : throw new JsonException("Expected a local date and time such as \"2026-03-31T10:00:00\".");
    }

    public override void Write(Utf8JsonWriter writer, LocalDateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(LocalDateTimePattern.GeneralIso.Format(value));
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Stipple.Web.Infrastructure;

/// <summary>Instants cross the API as ISO 8601 UTC strings (e.g. 2026-11-21T09:30:00Z); NodaTime's JSON package is not in the mirror.</summary>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        var parsed = InstantPattern.ExtendedIso.Parse(text ?? "");
        return parsed.Success ? parsed.Value : throw new JsonException("Expected an ISO 8601 UTC instant such as 2026-11-21T09:30:00Z.");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }
}

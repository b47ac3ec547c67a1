using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stipple.Core.Care;

/// <summary>
/// Reads a JSON array of strings into an ordinal set and writes it sorted ordinally, so equal sets give equal JSON
/// (System.Text.Json cannot create an <see cref="IReadOnlySet{T}"/> itself).
/// </summary>
internal sealed class StringSetJsonConverter : JsonConverter<IReadOnlySet<string>>
{
    public override IReadOnlySet<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array of strings.");
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            set.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Expected an array of strings."));
        }

        return set;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlySet<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value.Order(StringComparer.Ordinal))
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stipple.Core.Design;

/// <summary>Reads and writes a <see cref="MapPoint"/> as a two-number JSON array <c>[x, y]</c>.</summary>
internal sealed class MapPointJsonConverter : JsonConverter<MapPoint>
{
    public override MapPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A point is an array of two numbers: [x, y] in mm.");
        }

        reader.Read();
        var x = ReadNumber(ref reader);
        reader.Read();
        var y = ReadNumber(ref reader);
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("A point is an array of two numbers: [x, y] in mm.");
        }

        return new MapPoint(x, y);
    }

    public override void Write(Utf8JsonWriter writer, MapPoint value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(Math.Round(value.X, 3));
        writer.WriteNumberValue(Math.Round(value.Y, 3));
        writer.WriteEndArray();
    }

    private static double ReadNumber(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number
            ? reader.GetDouble()
            : throw new JsonException("A point is an array of two numbers: [x, y] in mm.");
}

using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stipple.Core.Care;

/// <summary>
/// Reads and writes enum values as their declared names, read case-insensitively. Stricter than
/// <see cref="JsonStringEnumConverter"/>, which also accepts comma-separated lists and combines them as flags (so
/// <c>"II,IV"</c> would silently read as <c>IVa</c>): here only one exact name is a value; anything else, numbers
/// included, is a <see cref="JsonException"/>. Writing an undefined value is one too.
/// </summary>
public sealed class EnumNameJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v.ToString(), StringComparer.OrdinalIgnoreCase);

        private static readonly string Expected = "expected one of: " + string.Join(", ", Enum.GetNames<TEnum>());

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("Must be a string; " + Expected + ".");
            }

            var name = reader.GetString()!;
            return ByName.TryGetValue(name, out var value) ? value : throw new JsonException($"\"{name}\" is not a known value; {Expected}.");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Enum.IsDefined(value) ? value.ToString() : throw new JsonException($"{typeof(TEnum).Name} has no value {value:D}."));
    }
}

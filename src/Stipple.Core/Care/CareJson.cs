using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stipple.Core.Care;

/// <summary>
/// The one JSON format of Care types (<see cref="Intake"/>, <see cref="ScreeningSettings"/>, <see cref="ScreeningResult"/>),
/// shared by the web API and the database's jsonb columns: camelCase property names; enum values as strings spelt as
/// declared (<c>"IIIVertex"</c>, <c>"DensityAmongHair"</c>, <c>"NeedsMedicalClearance"</c>; read case-insensitively,
/// numbers refused); dates as ISO <c>"yyyy-MM-dd"</c>; sets of ids as arrays sorted ordinally. Unknown fields, unknown enum values, bad dates and nulls in
/// non-nullable properties fail with a <see cref="JsonException"/> whose <see cref="JsonException.Path"/> names the field.
/// </summary>
public static class CareJson
{
    /// <summary>The serializer options of the format (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 16,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };

        // No naming policy for enum values: camelCase would turn "IIa" into "iIa".
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new LocalDateJsonConverter());
        options.Converters.Add(new StringSetJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

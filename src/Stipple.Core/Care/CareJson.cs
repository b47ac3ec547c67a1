using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stipple.Core.Care;

/// <summary>
/// The one JSON format of Care types (<see cref="Intake"/>, <see cref="ScreeningSettings"/>, <see cref="ScreeningResult"/>),
/// shared by the web API and the database's jsonb columns:
/// <list type="bullet">
/// <item>camelCase property names;</item>
/// <item>enum values as strings spelt as declared (<c>"IIIVertex"</c>, <c>"DensityAmongHair"</c>,
/// <c>"NeedsMedicalClearance"</c>): one name, read case-insensitively; numbers and comma lists are refused;</item>
/// <item>dates as ISO <c>"yyyy-MM-dd"</c>;</item>
/// <item>sets of rule ids as arrays, written sorted ordinally.</item>
/// </list>
/// Unknown fields, unknown enum values, bad dates and nulls in non-nullable properties fail with a
/// <see cref="JsonException"/> whose <see cref="JsonException.Path"/> names the field (e.g. <c>$.medications[0].kind</c>).
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

        // Enum values as declared: camelCase would turn "IIa" into "iIa"; strict, unlike JsonStringEnumConverter (see there).
        options.Converters.Add(new EnumNameJsonConverter());
        options.Converters.Add(new LocalDateJsonConverter());
        options.Converters.Add(new StringSetJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

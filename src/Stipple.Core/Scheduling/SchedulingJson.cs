using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stipple.Core.Scheduling;

/// <summary>
/// The JSON format of <see cref="SchedulingSettings"/> (the studio's jsonb column and the API): camelCase, strict
/// (unknown fields and wrong types fail with a <see cref="JsonException"/> whose path names the field); a missing field
/// keeps its default, so settings saved before a field existed read with that field's default.
/// </summary>
public static class SchedulingJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(SchedulingSettings settings) => JsonSerializer.Serialize(settings, Options);

    /// <summary>The settings in <paramref name="json"/>, or the defaults when it is null or empty.</summary>
    public static SchedulingSettings Read(string? json) =>
        string.IsNullOrWhiteSpace(json) ? SchedulingSettings.Default : JsonSerializer.Deserialize<SchedulingSettings>(json, Options) ?? SchedulingSettings.Default;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 8,
            RespectNullableAnnotations = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

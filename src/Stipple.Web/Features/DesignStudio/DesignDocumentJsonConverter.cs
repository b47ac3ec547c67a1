using System.Text.Json;
using System.Text.Json.Serialization;
using Stipple.Core.Design;

namespace Stipple.Web.Features.DesignStudio;

/// <summary>
/// Writes a design inside an API response in its own format (<see cref="DesignJson.Options"/>: kebab-case enum values,
/// points as [x, y]), not the API's default JSON, so what a client reads back it can send to the render endpoint as is.
/// </summary>
public sealed class DesignDocumentJsonConverter : JsonConverter<DesignDocument>
{
    public override DesignDocument? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<DesignDocument>(ref reader, DesignJson.Options);

    public override void Write(Utf8JsonWriter writer, DesignDocument value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, DesignJson.Options);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Stipple.Core.Design;

namespace Stipple.Web.Features.Design;

/// <summary>
/// Designs and reports travel in <see cref="DesignJson"/>'s format, not the API's default JSON: points are
/// <c>[x, y]</c>, enum values kebab-case strings, and numbers never strings. The OpenAPI generator describes types with
/// the default options, so this corrects the schemas of the design types to what the wire carries.
/// </summary>
public static class DesignSchemas
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(MapPoint))
        {
            schema.Type = JsonSchemaType.Array;
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.Number };
            schema.MinItems = 2;
            schema.MaxItems = 2;
            schema.Properties?.Clear();
            schema.Description = "A point on the scalp map as [x, y] in mm: x from the midline (negative to the client's right), y behind the glabella.";
        }
        else if (type.IsEnum && IsDesignType(type))
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(JsonNamingPolicy.KebabCaseLower.ConvertName(name)))];
        }
        else if (context.JsonPropertyInfo?.DeclaringType is { } owner && IsDesignType(owner)
            && schema.Type is { } kinds && (kinds.HasFlag(JsonSchemaType.Number) || kinds.HasFlag(JsonSchemaType.Integer)))
        {
            // The design format reads numbers strictly (JsonNumberHandling.Strict).
            schema.Type = kinds & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }

    private static bool IsDesignType(Type type) => string.Equals(type.Namespace, typeof(DesignDocument).Namespace, StringComparison.Ordinal);
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stipple.Core.Design;

/// <summary>
/// Reads and writes design documents as JSON (schema <see cref="DesignDocument.SchemaV1"/>, camelCase names,
/// kebab-case enum values, points as <c>[x, y]</c>). Unknown fields are errors, so a misspelt field is never
/// silently ignored. The format is described in docs/design-format.md.
/// </summary>
public static class DesignJson
{
    /// <summary>Largest design document accepted, in bytes.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The serializer options of the format; also usable by hosts (e.g. for the report).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Parses and validates a UTF-8 JSON design.</summary>
    public static DesignParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxBytes)
        {
            return DesignParseResult.Invalid([new DesignIssue("$", $"The design is larger than {MaxBytes / 1024} KiB.")]);
        }

        DesignDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<DesignDocument>(utf8Json, Options);
        }
        catch (JsonException e)
        {
            return DesignParseResult.Invalid([new DesignIssue(FieldOf(e.Path), Describe(e))]);
        }

        if (document is null)
        {
            return DesignParseResult.Invalid([new DesignIssue("$", "The design is empty (null).")]);
        }

        return DesignValidator.Check(document);
    }

    /// <summary>Parses and validates a JSON design held in a string.</summary>
    public static DesignParseResult Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>Writes <paramref name="document"/> as indented JSON.</summary>
    public static string Serialize(DesignDocument document) => JsonSerializer.Serialize(document, Options);

    /// <summary>Writes <paramref name="report"/> as indented JSON (schema <see cref="DesignReport.SchemaV1"/>).</summary>
    public static string Serialize(DesignReport report) => JsonSerializer.Serialize(report, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 16,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new MapPointJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || string.Equals(path, "$", StringComparison.Ordinal))
        {
            return "$";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string Describe(JsonException e)
    {
        // System.Text.Json messages name .NET types; say what the format expects instead, keeping our own messages.
        var message = e.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "This field is not part of the stipple.design/1 format.";
        }

        if (e.InnerException is null && message.StartsWith("A point is", StringComparison.Ordinal))
        {
            return message;
        }

        if (message.Contains("System.Double", StringComparison.Ordinal) || message.Contains("System.Int32", StringComparison.Ordinal)
            || message.Contains("System.UInt32", StringComparison.Ordinal))
        {
            return "Must be a number in range.";
        }

        if (message.Contains("Stipple.Core.Design.", StringComparison.Ordinal))
        {
            return "Has the wrong type or an unknown value; see docs/design-format.md.";
        }

        return e.LineNumber is { } line ? $"The JSON is malformed near line {line + 1}." : "The JSON is malformed.";
    }
}

using System.Text.Json;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.DesignStudio;

/// <summary>
/// Reads the body of <c>POST /api/v1/consultations/{id}/designs</c> (<see cref="SaveDesignVersionRequest"/>) by hand:
/// the design is handed on as the bytes the client sent, so the engine's errors carry the design's own JSON paths.
/// </summary>
public sealed record DesignVersionBody(string? Note, ReadOnlyMemory<byte> Design)
{
    /// <summary>Largest body accepted: a design at its limit and a note.</summary>
    public const int MaxBytes = Stipple.Core.Design.DesignJson.MaxBytes + (16 * 1024);

    /// <summary>The note and the design's bytes, or the errors naming "body", "note" or "design".</summary>
    public static (DesignVersionBody? Body, FieldErrors Errors) Read(ReadOnlyMemory<byte> json)
    {
        var errors = new FieldErrors();
        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { MaxDepth = 64 });
        string? note = null;
        ReadOnlyMemory<byte>? design = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                errors.Add("body", "must be a JSON object with \"design\" and an optional \"note\".");
                return (null, errors);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var value = json[start..(int)reader.BytesConsumed];
                switch (name)
                {
                    case "note":
                        note = ReadNote(value, errors);
                        break;
                    case "design":
                        design = value.Span.SequenceEqual("null"u8) ? null : value;
                        break;
                    default:
                        errors.Add(name, "is not a field of this request: send \"design\" and an optional \"note\".");
                        break;
                }
            }

            if (reader.Read())
            {
                errors.Add("body", "must hold one JSON object.");
            }
        }
        catch (JsonException)
        {
            errors.Add("body", "is not valid JSON.");
            return (null, errors);
        }

        if (design is null)
        {
            errors.Add("design", "is required: a stipple.design/1 document.");
        }

        return errors.Any ? (null, errors) : (new DesignVersionBody(note, design!.Value), errors);
    }

    private static string? ReadNote(ReadOnlyMemory<byte> value, FieldErrors errors)
    {
        var reader = new Utf8JsonReader(value.Span);
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                errors.Add("note", "must be a string.");
                return null;
        }
    }
}

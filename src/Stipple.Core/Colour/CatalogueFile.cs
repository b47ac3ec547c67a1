using System.Globalization;
using System.Text.Json;

namespace Stipple.Core.Colour;

/// <summary>
/// A pigment catalogue as a JSON file (<c>stipple.pigments/1</c>), for the command line and for moving a catalogue
/// between studios:
/// <code>
/// {
///   "format": "stipple.pigments/1",
///   "dilutions": "1:0, 3:1, 1:1, 1:2, 1:3",
///   "pigments": [
///     { "manufacturer": "Demo Pigment Co.", "product": "Carbon Black SMP", "kind": "smp", "swatch": "#141414" },
///     { "manufacturer": "Demo Pigment Co.", "product": "Espresso", "kind": "smp", "swatchLab": { "l": 13.6, "a": 3.1, "b": 4.2 } }
///   ]
/// }
/// </code>
/// <c>format</c> and <c>dilutions</c> are optional; each pigment needs a product, a kind (smp, pmu, tattoo-ink) and
/// exactly one of <c>swatch</c> (hex) or <c>swatchLab</c>. Errors name the JSON path, e.g. <c>pigments[2].swatch</c>.
/// </summary>
public static class CatalogueFile
{
    public const string Format = "stipple.pigments/1";

    /// <summary>The largest file read (1 MiB holds thousands of pigments).</summary>
    public const int MaxBytes = 1 << 20;

    public static CatalogueFileResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<(string, string)>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return new CatalogueFileResult([], null, [("catalogue", $"is not valid JSON ({ex.Message})")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new CatalogueFileResult([], null, [("catalogue", "must be a JSON object with a \"pigments\" array.")]);
            }

            if (root.TryGetProperty("format", out var format) && !string.Equals(format.ValueKind == JsonValueKind.String ? format.GetString() : null, Format, StringComparison.Ordinal))
            {
                errors.Add(("format", $"must be \"{Format}\"."));
            }

            IReadOnlyList<Dilution>? dilutions = null;
            if (root.TryGetProperty("dilutions", out var dilutionText))
            {
                if (dilutionText.ValueKind != JsonValueKind.String)
                {
                    errors.Add(("dilutions", "must be a string such as \"1:0, 1:1, 1:2\"."));
                }
                else if (Dilution.TryParseList(dilutionText.GetString(), out var parsed, out var problems))
                {
                    dilutions = parsed;
                }
                else
                {
                    errors.AddRange(problems.Select(p => (p.Index < 0 ? "dilutions" : $"dilutions[{p.Index}]", p.Message)));
                }
            }

            var pigments = new List<MatchPigment>();
            if (!root.TryGetProperty("pigments", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                errors.Add(("pigments", "must be an array of pigments."));
            }
            else
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    if (ReadPigment(item, $"pigments[{index}]", index, errors) is { } pigment)
                    {
                        pigments.Add(pigment);
                    }

                    index++;
                }
            }

            return new CatalogueFileResult(pigments, dilutions, errors);
        }
    }

    private static MatchPigment? ReadPigment(JsonElement item, string path, int index, List<(string, string)> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add((path, "must be an object."));
            return null;
        }

        var before = errors.Count;
        var manufacturer = Text(item, "manufacturer", path, errors, required: false);
        var product = Text(item, "product", path, errors, required: true);
        var kindText = Text(item, "kind", path, errors, required: true);
        var kind = PigmentKind.Smp;
        if (kindText is not null && !PigmentKinds.TryParse(kindText, out kind))
        {
            errors.Add(($"{path}.kind", "must be smp, pmu or tattoo-ink."));
        }

        var hasHex = item.TryGetProperty("swatch", out var hex);
        var hasLab = item.TryGetProperty("swatchLab", out var lab);
        Lab swatch = default;
        if (hasHex == hasLab)
        {
            errors.Add(($"{path}.swatch", "give exactly one of swatch (\"#rrggbb\") or swatchLab ({ \"l\", \"a\", \"b\" })."));
        }
        else if (hasHex)
        {
            if (hex.ValueKind != JsonValueKind.String || !Srgb8.TryParseHex(hex.GetString(), out var colour))
            {
                errors.Add(($"{path}.swatch", "must be a colour written #rrggbb."));
            }
            else
            {
                swatch = ColourSpaces.ToLab(colour);
            }
        }
        else if (ReadLab(lab, $"{path}.swatchLab", errors) is { } value)
        {
            swatch = value;
        }

        if (errors.Count > before)
        {
            return null;
        }

        var name = string.IsNullOrWhiteSpace(manufacturer) ? product! : $"{manufacturer} {product}";
        return new MatchPigment((index + 1).ToString(CultureInfo.InvariantCulture), name, swatch, kind);
    }

    private static Lab? ReadLab(JsonElement element, string path, List<(string, string)> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add((path, "must be an object { \"l\", \"a\", \"b\" }."));
            return null;
        }

        var values = new double[3];
        string[] names = ["l", "a", "b"];
        for (var i = 0; i < 3; i++)
        {
            if (!element.TryGetProperty(names[i], out var number) || number.ValueKind != JsonValueKind.Number
                || !number.TryGetDouble(out values[i]) || !double.IsFinite(values[i]))
            {
                errors.Add(($"{path}.{names[i]}", "must be a finite number."));
                return null;
            }
        }

        if (Lab.Check(values[0], values[1], values[2]) is { } problem)
        {
            errors.Add(($"{path}.{problem.Component}", problem.Message));
            return null;
        }

        return new Lab(values[0], values[1], values[2]);
    }

    private static string? Text(JsonElement item, string name, string path, List<(string, string)> errors, bool required)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(($"{path}.{name}", "is required."));
            }

            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
        if (text is null || (required && text.Length == 0) || text.Length > 120)
        {
            errors.Add(($"{path}.{name}", required ? "must be text of 1–120 characters." : "must be text of at most 120 characters."));
            return null;
        }

        return text;
    }
}

/// <summary>A parsed catalogue file: its pigments, its dilutions when it gave any, and the errors by JSON path.</summary>
public sealed record CatalogueFileResult(IReadOnlyList<MatchPigment> Pigments, IReadOnlyList<Dilution>? Dilutions, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

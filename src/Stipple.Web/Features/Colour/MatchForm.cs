using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Colour;

/// <summary>
/// The "match pigment" panel's fields, bound from the query string so a match can be bookmarked and nothing typed is
/// lost. Hair comes from a colour or a level, skin from a colour or a Fitzpatrick type, and the aim is the client's
/// natural stubble shade or a chosen shade.
/// </summary>
public sealed class MatchForm
{
    public string HairFrom { get; set; } = "colour";

    public string? HairHex { get; set; }

    public int? HairLevel { get; set; }

    public string SkinFrom { get; set; } = "colour";

    public string? SkinHex { get; set; }

    public int? Fitzpatrick { get; set; }

    public string? Undertone { get; set; } = "neutral";

    public string Aim { get; set; } = "stubble";

    public string? ShadeHex { get; set; }

    /// <summary>Set by the panel's submit button: the form was sent, so match (and report what is missing).</summary>
    public bool Go { get; set; }

    public bool HairByLevel => string.Equals(HairFrom, "level", StringComparison.Ordinal);

    public bool SkinByType => string.Equals(SkinFrom, "type", StringComparison.Ordinal);

    public bool ChosenShade => string.Equals(Aim, "shade", StringComparison.Ordinal);

    /// <summary>The API's input for these fields; blanks the person left become errors on their own fields.</summary>
    public MatchInput ToInput(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var input = new MatchInput();
        if (ChosenShade)
        {
            input.Target = Hex(ShadeHex, "target.hex", "Chosen shade", errors);
        }
        else if (HairByLevel)
        {
            input.Hair = HairLevel is null ? Missing(errors, "hair.level", "Choose the client's hair level.") : new ColourInput { Level = HairLevel };
        }
        else
        {
            input.Hair = Hex(HairHex, "hair.hex", "Hair colour", errors);
        }

        input.Skin = SkinByType
            ? Fitzpatrick is null ? Missing(errors, "skin.fitzpatrick", "Choose the client's Fitzpatrick skin type.") : new ColourInput { Fitzpatrick = Fitzpatrick, Undertone = Undertone }
            : Hex(SkinHex, "skin.hex", "Skin colour", errors);
        return input;
    }

    /// <summary>The form field that shows an error reported under an API field name.</summary>
    public static string FieldFor(string apiField) => apiField switch
    {
        "hair" or "hair.hex" or "hair.lab" => nameof(HairHex),
        "hair.level" => nameof(HairLevel),
        "skin" or "skin.hex" or "skin.lab" => nameof(SkinHex),
        "skin.fitzpatrick" => nameof(Fitzpatrick),
        "skin.undertone" => nameof(Undertone),
        "target" or "target.hex" or "target.lab" => nameof(ShadeHex),
        _ => "",
    };

    private static ColourInput? Hex(string? value, string field, string label, FieldErrors errors) =>
        string.IsNullOrWhiteSpace(value) ? Missing(errors, field, $"{label} is required: type #rrggbb, pick it, or measure it from a photo.") : new ColourInput { Hex = value };

    private static ColourInput? Missing(FieldErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }
}

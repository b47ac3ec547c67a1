using Stipple.Core.Colour;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Colour;

/// <summary>Turns a <see cref="ColourInput"/> into L*a*b*, recording errors under the input's field name.</summary>
public static class ColourInputs
{
    [Flags]
    public enum Allow
    {
        HexOrLab = 0,
        HairLevel = 1,
        Fitzpatrick = 2,
    }

    public static Lab? Resolve(ColourInput? input, string field, string label, Allow allow, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (input is null)
        {
            errors.Add(field, $"{label} is required: give {Describe(allow)}.");
            return null;
        }

        var given = (input.Hex is not null ? 1 : 0) + (input.Lab is not null ? 1 : 0)
            + (input.Level is not null ? 1 : 0) + (input.Fitzpatrick is not null ? 1 : 0);
        if (given != 1)
        {
            errors.Add(field, $"{label}: give exactly one of {Describe(allow)}.");
            return null;
        }

        if (input.Hex is not null)
        {
            if (string.IsNullOrWhiteSpace(input.Hex))
            {
                errors.Add($"{field}.hex", $"{label} is required, written #rrggbb.");
                return null;
            }

            if (Srgb8.TryParseHex(input.Hex, out var colour))
            {
                return ColourSpaces.ToLab(colour);
            }

            errors.Add($"{field}.hex", $"{label} must be written #rrggbb, e.g. #3b2a20; '{input.Hex.Trim()}' is not.");
            return null;
        }

        if (input.Lab is { } lab)
        {
            if (lab.L is not { } l || lab.A is not { } a || lab.B is not { } b)
            {
                errors.Add($"{field}.lab", $"{label} needs all three of l, a and b.");
                return null;
            }

            if (Lab.Check(l, a, b) is { } problem)
            {
                errors.Add($"{field}.lab.{problem.Component}", $"{label} {problem.Component.ToUpperInvariant()} {problem.Message}");
                return null;
            }

            return new Lab(l, a, b);
        }

        if (input.Level is { } level)
        {
            if (!allow.HasFlag(Allow.HairLevel))
            {
                errors.Add($"{field}.level", "A hair level is for hair only.");
                return null;
            }

            if (level is < 1 or > 10)
            {
                errors.Add($"{field}.level", "Hair level must be from 1 (black) to 10 (lightest blonde).");
                return null;
            }

            return ManualColours.HairFor(level);
        }

        var type = input.Fitzpatrick!.Value;
        if (!allow.HasFlag(Allow.Fitzpatrick))
        {
            errors.Add($"{field}.fitzpatrick", "A Fitzpatrick type is for skin only.");
            return null;
        }

        if (type is < 1 or > 6)
        {
            errors.Add($"{field}.fitzpatrick", "Fitzpatrick type must be from 1 (I) to 6 (VI).");
            return null;
        }

        var undertone = Undertone.Neutral;
        if (input.Undertone is not null && !ManualColours.TryParseUndertone(input.Undertone, out undertone))
        {
            errors.Add($"{field}.undertone", "Undertone must be cool, neutral or warm.");
            return null;
        }

        return ManualColours.SkinFor(type, undertone);
    }

    private static string Describe(Allow allow) => allow switch
    {
        Allow.HairLevel => "hex, lab or level",
        Allow.Fitzpatrick => "hex, lab or fitzpatrick (with undertone)",
        _ => "hex or lab",
    };
}

using NodaTime;
using NodaTime.Text;
using Stipple.Core.Colour;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Pigments;

/// <summary>Reads the parts of a pigment or lot input that need more than the domain's checks; every error names its field.</summary>
internal static class PigmentInputs
{
    public static PigmentKind? Kind(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("kind", "Kind is required: smp, pmu or tattoo-ink.");
            return null;
        }

        if (!PigmentKinds.TryParse(text, out var kind))
        {
            errors.Add("kind", "Kind must be smp, pmu or tattoo-ink.");
            return null;
        }

        return kind;
    }

    /// <summary>
    /// The swatch from exactly one of <c>swatch</c> (#rrggbb) and <c>swatchLab</c>. When the hex is the one
    /// <paramref name="current"/> shows as, the stored Lab is kept, so saving a form unchanged does not round it to 8 bits.
    /// </summary>
    public static Lab? Swatch(PigmentInput input, Lab? current, FieldErrors errors)
    {
        var hex = string.IsNullOrWhiteSpace(input.Swatch) ? null : input.Swatch.Trim();
        if (hex is not null && input.SwatchLab is not null)
        {
            errors.Add("swatch", "Give the swatch either as #rrggbb (swatch) or as L*a*b* (swatchLab), not both.");
            return null;
        }

        if (input.SwatchLab is { } lab)
        {
            return Lab(lab, "swatchLab", errors);
        }

        if (hex is null)
        {
            errors.Add("swatch", "Swatch is required: the pigment's colour as #rrggbb (or swatchLab as L*a*b*).");
            return null;
        }

        if (!Srgb8.TryParseHex(hex, out var colour))
        {
            errors.Add("swatch", "Swatch must be a colour written #rrggbb, for example #2e2a28.");
            return null;
        }

        return current is { } stored && string.Equals(stored.ToHex(), colour.ToHex(), StringComparison.Ordinal)
            ? stored
            : ColourSpaces.ToLab(colour);
    }

    public static Lab? Lab(LabInput input, string field, FieldErrors errors)
    {
        foreach (var (name, value) in new[] { ("l", input.L), ("a", input.A), ("b", input.B) })
        {
            if (value is null)
            {
                errors.Add($"{field}.{name}", $"{Component(name)} is required.");
            }
        }

        if (input is not { L: { } l, A: { } a, B: { } b })
        {
            return null;
        }

        if (Core.Colour.Lab.Check(l, a, b) is { } problem)
        {
            errors.Add($"{field}.{problem.Component}", $"{Component(problem.Component)} {problem.Message}");
            return null;
        }

        return new Lab(l, a, b);
    }

    /// <summary>A lot's fields; <paramref name="prefix"/> is "" for a lot on its own, or e.g. "lots[0]." in a new pigment.</summary>
    public static LotFields? Lot(LotInput input, LocalDate today, string prefix, FieldErrors errors)
    {
        var found = new FieldErrors();
        var lotNumber = Check(found, prefix, () => Guard.Required(input.LotNumber, "lotNumber", PigmentLot.MaxLotNumberLength));
        var ingredients = Check(found, prefix, () => Guard.Optional(input.Ingredients, "ingredients", PigmentLot.MaxIngredientsLength));
        var expires = Date(input.ExpiresOn, prefix + "expiresOn", "Expires on", required: true, found);
        var received = Date(input.ReceivedOn, prefix + "receivedOn", "Received on", required: false, found);
        if (received > today)
        {
            found.Add(prefix + "receivedOn", "Received on cannot be in the future.");
        }
        else if (received > expires)
        {
            found.Add(prefix + "receivedOn", "Received on must be on or before the expiry date.");
        }

        errors.Add(found);
        return found.Any || lotNumber is null || expires is null
            ? null
            : new LotFields(lotNumber, expires.Value, received, new ReachLabel(input.ReachLabelled, ingredients, input.PhRegulator, input.ContainsNickel, input.ContainsChromiumVi));
    }

    private static string Component(string name) => string.Equals(name, "l", StringComparison.Ordinal) ? "L*" : $"{name}*";

    private static T? Check<T>(FieldErrors errors, string prefix, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (DomainException ex)
        {
            errors.Add(prefix + ex.Field, FieldErrors.Describe(ex));
            return default;
        }
    }

    private static LocalDate? Date(string? text, string field, string label, bool required, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, $"{label} is required.");
            }

            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (!parsed.Success)
        {
            errors.Add(field, $"{label} must be a date written yyyy-mm-dd, for example 2027-03-31.");
            return null;
        }

        if (parsed.Value.Year is < 1900 or > 2200)
        {
            errors.Add(field, $"{label} must be between 1900 and 2200.");
            return null;
        }

        return parsed.Value;
    }
}

/// <summary>A lot's checked fields.</summary>
internal sealed record LotFields(string LotNumber, LocalDate ExpiresOn, LocalDate? ReceivedOn, ReachLabel Label);

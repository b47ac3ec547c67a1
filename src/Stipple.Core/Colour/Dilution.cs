using System.Globalization;

namespace Stipple.Core.Colour;

/// <summary>
/// A dilution as practitioners write it: pigment parts to distilled-water parts, e.g. 1:2 (smp-facts §5.1). 1:0 is
/// the pigment straight from the bottle.
/// </summary>
/// <param name="PigmentParts">Parts of pigment, 1–100.</param>
/// <param name="WaterParts">Parts of water, 0–100.</param>
public readonly record struct Dilution(int PigmentParts, int WaterParts)
{
    public const int MaxParts = 100;

    /// <summary>The most ratios a studio may list (the matcher ranks every pigment at every ratio).</summary>
    public const int MaxRatios = 12;

    /// <summary>The default ratio list (issue 4): straight, 3:1, 1:1, 1:2, 1:3 — darkest first.</summary>
    public static IReadOnlyList<Dilution> Defaults { get; } = [new(1, 0), new(3, 1), new(1, 1), new(1, 2), new(1, 3)];

    /// <summary>The share of pigment in the mix, 0–1 (1 for 1:0).</summary>
    public double Concentration => (double)PigmentParts / (PigmentParts + WaterParts);

    /// <summary>Checks the parts; the message (without the field name) or null when they are fine.</summary>
    public static string? Check(int pigmentParts, int waterParts)
    {
        if (pigmentParts <= 0)
        {
            return "needs at least one part pigment: a dilution of water alone leaves no mark.";
        }

        if (pigmentParts > MaxParts || waterParts < 0 || waterParts > MaxParts)
        {
            return string.Create(CultureInfo.InvariantCulture, $"parts must be whole numbers from 0 to {MaxParts} (pigment at least 1).");
        }

        return null;
    }

    /// <summary>Parses <c>pigment:water</c>, e.g. <c>1:2</c>; <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string? text, out Dilution dilution, out string? error)
    {
        dilution = default;
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pigment)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var water))
        {
            error = "must be written pigment:water in whole parts, e.g. 1:2.";
            return false;
        }

        error = Check(pigment, water);
        if (error is not null)
        {
            return false;
        }

        dilution = new Dilution(pigment, water);
        return true;
    }

    /// <summary>
    /// Parses a list such as <c>1:0, 3:1, 1:1</c> (commas or spaces). The result is ordered darkest first; two ratios
    /// of the same strength (1:1 and 2:2) are an error. Errors name the item: <c>[2]</c> is the third.
    /// </summary>
    public static bool TryParseList(string? text, out IReadOnlyList<Dilution> dilutions, out IReadOnlyList<(int Index, string Message)> errors)
    {
        var found = new List<(int, string)>();
        var items = (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var list = new List<Dilution>();
        if (items.Length == 0)
        {
            found.Add((-1, "needs at least one ratio, e.g. 1:0, 1:1, 1:2."));
        }
        else if (items.Length > MaxRatios)
        {
            found.Add((-1, string.Create(CultureInfo.InvariantCulture, $"may list at most {MaxRatios} ratios.")));
        }
        else
        {
            for (var i = 0; i < items.Length; i++)
            {
                if (!TryParse(items[i], out var dilution, out var error))
                {
                    found.Add((i, error!));
                }
                else if (list.FirstOrDefault(d => d.SameStrength(dilution)) is { PigmentParts: > 0 } same)
                {
                    found.Add((i, $"{dilution} is the same strength as {same}."));
                }
                else
                {
                    list.Add(dilution);
                }
            }
        }

        dilutions = found.Count == 0 ? [.. list.OrderByDescending(d => d.Concentration)] : [];
        errors = found;
        return found.Count == 0;
    }

    /// <summary>Formats a list as <see cref="TryParseList"/> reads it.</summary>
    public static string FormatList(IEnumerable<Dilution> dilutions) => string.Join(", ", dilutions);

    /// <summary>
    /// One step lighter than this ratio in <paramref name="ladder"/> (ordered darkest first); past the lightest, one
    /// more part of water than the lightest has (§13.3: session 1 goes one step lighter than the final shade).
    /// </summary>
    public Dilution OneStepLighter(IReadOnlyList<Dilution> ladder)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        var self = this;
        var lighter = ladder.Where(d => d.Concentration < self.Concentration).OrderByDescending(d => d.Concentration).ToList();
        if (lighter.Count > 0)
        {
            return lighter[0];
        }

        // Past the end of the ladder: add water in the step of this ratio's pigment parts, e.g. 1:3 → 1:4, 2:3 → 2:5.
        return new Dilution(PigmentParts, Math.Min(MaxParts, WaterParts + PigmentParts));
    }

    /// <summary>Whether two ratios mix to the same strength (1:1 and 2:2).</summary>
    public bool SameStrength(Dilution other) => PigmentParts * other.WaterParts == WaterParts * other.PigmentParts;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PigmentParts}:{WaterParts}");
}

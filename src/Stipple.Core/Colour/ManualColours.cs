namespace Stipple.Core.Colour;

/// <summary>The skin's undertone, judged e.g. by vein colour (smp-facts §5.2).</summary>
public enum Undertone
{
    Neutral,
    Cool,
    Warm,
}

/// <summary>
/// Colours for manual entry when there is no photo: a Fitzpatrick type with undertone for skin, a hair level for hair.
/// These are Stipple's typical values, not measurements of the client — a photo measurement or a hex is better.
/// Skin: L* and b* chosen so the individual typology angle ITA° = atan((L* − 50) / b*) falls in the band usually
/// reported for each type (very light &gt; 55°, light 41–55°, intermediate 28–41°, tan 10–28°, brown −30–10°,
/// dark &lt; −30°); undertone shifts a* and b* by a few units. Hair: the 1–10 level scale colourists use (1 black,
/// 10 lightest blonde), from near-neutral black through warm browns to blonde.
/// </summary>
public static class ManualColours
{
    private static readonly Lab[] Skin =
    [
        new(71, 7, 13),  // I    ITA ≈ 58°
        new(65, 9, 15),  // II   ITA ≈ 45°
        new(60, 11, 17), // III  ITA ≈ 30°
        new(55, 12, 19), // IV   ITA ≈ 15°
        new(45, 12, 18), // V    ITA ≈ −16°
        new(32, 9, 12),  // VI   ITA ≈ −56°
    ];

    private static readonly Lab[] Hair =
    [
        new(14, 1, 1),   // 1  black
        new(19, 3, 4),   // 2  darkest brown
        new(24, 5, 8),   // 3  dark brown
        new(30, 7, 11),  // 4  medium brown
        new(37, 8, 14),  // 5  light brown
        new(45, 8, 17),  // 6  dark blonde
        new(53, 8, 20),  // 7  medium blonde
        new(61, 7, 22),  // 8  light blonde
        new(69, 5, 22),  // 9  very light blonde
        new(77, 3, 20),  // 10 lightest blonde
    ];

    private static readonly string[] HairNames =
    [
        "black", "darkest brown", "dark brown", "medium brown", "light brown",
        "dark blonde", "medium blonde", "light blonde", "very light blonde", "lightest blonde",
    ];

    /// <summary>What colourists call hair level 1–10, e.g. 3 → "dark brown".</summary>
    public static string HairLevelName(int level) => level is >= 1 and <= 10
        ? HairNames[level - 1]
        : throw new ArgumentOutOfRangeException(nameof(level), level, "Hair levels run from 1 (black) to 10 (lightest blonde).");

    /// <summary>Typical skin colour for Fitzpatrick type 1–6 (I–VI) with an undertone.</summary>
    public static Lab SkinFor(int fitzpatrick, Undertone undertone)
    {
        if (fitzpatrick is < 1 or > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(fitzpatrick), fitzpatrick, "Fitzpatrick types run from I to VI (1–6).");
        }

        var lab = Skin[fitzpatrick - 1];
        return undertone switch
        {
            Undertone.Cool => lab with { A = lab.A + 2, B = lab.B - 3 },
            Undertone.Warm => lab with { A = lab.A - 1, B = lab.B + 3 },
            _ => lab,
        };
    }

    /// <summary>Typical hair colour for level 1 (black) to 10 (lightest blonde).</summary>
    public static Lab HairFor(int level)
    {
        if (level is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Hair levels run from 1 (black) to 10 (lightest blonde).");
        }

        return Hair[level - 1];
    }

    /// <summary>Roman numerals for Fitzpatrick types, 1 → "I".</summary>
    public static string Roman(int fitzpatrick) => fitzpatrick switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        5 => "V",
        6 => "VI",
        _ => fitzpatrick.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>"neutral", "cool" or "warm" (any case) → the undertone; false otherwise.</summary>
    public static bool TryParseUndertone(string? text, out Undertone undertone)
    {
        undertone = default;
        var trimmed = text?.Trim() ?? "";
        return trimmed.Length > 0 && trimmed.All(char.IsAsciiLetter) && Enum.TryParse(trimmed, ignoreCase: true, out undertone);
    }
}

namespace Stipple.Core.Colour;

/// <summary>What a catalogue product is. Only SMP and PMU pigments may be chosen (smp-facts §5.4, §13.3).</summary>
public enum PigmentKind
{
    /// <summary>A carbon-based scalp micropigmentation pigment.</summary>
    Smp,

    /// <summary>A permanent make-up pigment.</summary>
    Pmu,

    /// <summary>Generic tattoo ink: multi-component blacks drift blue or green in the scalp, so it is never recommended.</summary>
    TattooInk,
}

public static class PigmentKinds
{
    /// <summary>Whether products of this kind may be matched and chosen for a session.</summary>
    public static bool IsSelectable(this PigmentKind kind) => kind is PigmentKind.Smp or PigmentKind.Pmu;

    /// <summary>The stored and API name: smp, pmu, tattoo-ink.</summary>
    public static string Name(this PigmentKind kind) => kind switch
    {
        PigmentKind.Smp => "smp",
        PigmentKind.Pmu => "pmu",
        _ => "tattoo-ink",
    };

    public static bool TryParse(string? text, out PigmentKind kind)
    {
        foreach (var candidate in Enum.GetValues<PigmentKind>())
        {
            if (string.Equals(candidate.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>A label for people.</summary>
    public static string Label(this PigmentKind kind) => kind switch
    {
        PigmentKind.Smp => "SMP pigment",
        PigmentKind.Pmu => "PMU pigment",
        _ => "Tattoo ink",
    };
}

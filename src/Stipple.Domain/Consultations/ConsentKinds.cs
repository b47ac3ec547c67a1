namespace Stipple.Domain;

/// <summary>Names of <see cref="ConsentKind"/> as the database and URLs spell them, and as people read them.</summary>
public static class ConsentKinds
{
    public static IReadOnlyList<ConsentKind> All { get; } = Enum.GetValues<ConsentKind>();

    public static string Code(ConsentKind kind) => kind switch
    {
        ConsentKind.SmpTreatment => "smp-treatment",
        ConsentKind.PhotoUse => "photo-use",
        ConsentKind.DataProcessing => "data-processing",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Label(ConsentKind kind) => kind switch
    {
        ConsentKind.SmpTreatment => "SMP treatment",
        ConsentKind.PhotoUse => "Photo use",
        ConsentKind.DataProcessing => "Data processing",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string? code, out ConsentKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Code(candidate), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

using Stipple.Core.Colour;

namespace Stipple.Core.Care;

/// <summary>Fitzpatrick type (1–6) and undertone; both required for pigment planning (smp-facts §5.2, §13.1).</summary>
public sealed record SkinProfile
{
    /// <summary>Fitzpatrick skin type, 1 (I) to 6 (VI).</summary>
    public int Fitzpatrick { get; init; }

    public Undertone Undertone { get; init; }
}

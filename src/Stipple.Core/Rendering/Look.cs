namespace Stipple.Core.Rendering;

/// <summary>Which stage of a dot's life a preview shows (see <see cref="LookParameters"/> for the numbers).</summary>
public enum Look
{
    /// <summary>Straight after the session: larger, darker dots with a slight halo (smp-facts §3.4, §5.3).</summary>
    Fresh = 0,

    /// <summary>Settled after healing: the design's healed diameter and shade at the session's strength.</summary>
    Healed = 1,

    /// <summary>Healed and then <see cref="RenderOptions.Years"/> years old: lighter, softer, slightly larger.</summary>
    Aged = 2,
}

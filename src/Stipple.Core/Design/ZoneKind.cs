namespace Stipple.Core.Design;

/// <summary>What a zone is for. Every kind but <see cref="Exclusion"/> receives dots.</summary>
public enum ZoneKind
{
    /// <summary>The frontal area behind the hairline.</summary>
    Frontal,

    /// <summary>The mid-scalp between the frontal area and the crown.</summary>
    MidScalp,

    /// <summary>The crown (vertex).</summary>
    Crown,

    /// <summary>A temple (one side).</summary>
    Temples,

    /// <summary>Scar camouflage (FUT strip, FUE dots, trauma).</summary>
    Scar,

    /// <summary>No dots here at all (a mole, a raised scar, an area the client keeps bare). Overrides every other zone.</summary>
    Exclusion,
}

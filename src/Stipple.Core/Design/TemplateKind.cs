namespace Stipple.Core.Design;

/// <summary>The starting points a practitioner can pick (smp-facts §2.5, §13.2).</summary>
public enum TemplateKind
{
    /// <summary>A mature male hairline: mid-frontal point 80 mm, receded frontotemporal angles on the lateral canthus line.</summary>
    MaleMature,

    /// <summary>A juvenile male hairline: lower (72 mm) and flatter, temple corners barely receded.</summary>
    MaleJuvenile,

    /// <summary>A female hairline: low (about 57 mm), rounded, closed temples with mounds, a widow's peak.</summary>
    Female,
}

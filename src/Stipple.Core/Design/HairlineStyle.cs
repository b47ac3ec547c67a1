namespace Stipple.Core.Design;

/// <summary>Which hairline rules apply when checking the mid-frontal point (smp-facts §13.2).</summary>
public enum HairlineStyle
{
    /// <summary>Male: MFP 70–100 mm above the glabella, 80 mm by default; below 70 mm is aggressive.</summary>
    Male,

    /// <summary>Female: lower and rounder, MFP about 55–65 mm (smp-facts §2.5).</summary>
    Female,
}

namespace Stipple.Core.Care;

/// <summary>
/// Hamilton–Norwood stages for male pattern hair loss, with the A (front-to-back) variants and the separate
/// <see cref="IIIVertex"/> (crown) type. <see cref="IIIa"/> and <see cref="IIIVertex"/> are distinct options
/// (smp-facts §1.1, §13.1).
/// </summary>
public enum NorwoodStage
{
    I,
    II,
    IIa,
    III,
    IIIa,
    IIIVertex,
    IV,
    IVa,
    V,
    Va,
    VI,
    VII,
}

/// <summary>Ludwig grades for female pattern hair loss (Ludwig 1977; smp-facts §1.2).</summary>
public enum LudwigGrade
{
    I,
    II,
    III,
}

/// <summary>The Savin density scale (images 1–8 and "Frontal"; smp-facts §1.3). Optional on the intake.</summary>
public enum SavinGrade
{
    S1,
    S2,
    S3,
    S4,
    S5,
    S6,
    S7,
    S8,
    Frontal,
}

/// <summary>Indications other than pattern loss that SMP intake forms offer (smp-facts §1.4, §13.1).</summary>
public enum OtherCondition
{
    AlopeciaAreata,
    AlopeciaTotalis,
    AlopeciaUniversalis,
    ScarringAlopecia,
    FutScar,
    FueScars,
    TraumaScar,
    PostChemotherapy,
    DiffuseThinning,
}

/// <summary>What the client wants from SMP.</summary>
public enum TreatmentGoal
{
    /// <summary>Full coverage with a shaved, buzz-cut look.</summary>
    FullCoverageBuzz,

    /// <summary>Density among existing, longer hair (no-shave SMP).</summary>
    DensityAmongHair,

    /// <summary>Camouflage of scars (transplant strip or dots, trauma, surgery).</summary>
    ScarCamouflage,
}

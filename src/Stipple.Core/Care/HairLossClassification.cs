namespace Stipple.Core.Care;

/// <summary>
/// How the client's hair loss is classified: Norwood for men, Ludwig for women, an optional Savin grade for density,
/// and any other conditions (smp-facts §1.4). Every part is optional; a scar-only client may have no pattern stage.
/// </summary>
public sealed record HairLossClassification
{
    public NorwoodStage? Norwood { get; init; }

    public LudwigGrade? Ludwig { get; init; }

    public SavinGrade? Savin { get; init; }

    public IReadOnlyList<OtherCondition> Other { get; init; } = [];

    /// <summary>The client or practitioner reports that the loss is still actively progressing.</summary>
    public bool Progressing { get; init; }
}

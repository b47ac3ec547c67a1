namespace Stipple.Core.Care;

/// <summary>What the practitioner sees of the client's remaining hair; decides no-shave SMP eligibility (smp-facts §8.3).</summary>
public sealed record HairState
{
    /// <summary>The frontal hairline is intact.</summary>
    public bool IntactHairline { get; init; }

    /// <summary>The client's hair is long enough to cover the treated area.</summary>
    public bool LongEnoughToCover { get; init; }
}

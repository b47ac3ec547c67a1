namespace Stipple.Core.Care;

/// <summary>Earlier treatments that change candidacy or the plan (smp-facts §8.3, §13.1).</summary>
public sealed record TreatmentHistory
{
    public bool PreviousSmp { get; init; }

    /// <summary>A previous tattoo or PMU in the treatment area.</summary>
    public bool PreviousTattooInArea { get; init; }

    /// <summary>The date of the last laser tattoo removal in the treatment area, if any.</summary>
    public NodaTime.LocalDate? LaserRemovalOn { get; init; }

    /// <summary>The date of the last hair transplant (FUE/FUT), if any.</summary>
    public NodaTime.LocalDate? TransplantOn { get; init; }
}

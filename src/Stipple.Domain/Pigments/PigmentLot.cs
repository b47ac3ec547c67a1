using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// One lot (batch) of a pigment, with what its EU REACH label says (smp-facts §10.3): the batch reference, the
/// ingredients in descending order, and the statements the label must carry when they apply.
/// </summary>
public sealed class PigmentLot
{
    public const int MaxLotNumberLength = 60;

    public const int MaxIngredientsLength = 2000;

    private PigmentLot()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public Guid PigmentId { get; private set; }

    /// <summary>The batch reference as printed on the bottle, e.g. 24-118.</summary>
    public string LotNumber { get; private set; } = "";

    /// <summary>The last day the lot may be used.</summary>
    public LocalDate ExpiresOn { get; private set; }

    public LocalDate? ReceivedOn { get; private set; }

    /// <summary>The label says "Mixture for use in tattoos or permanent make-up".</summary>
    public bool ReachLabelled { get; private set; }

    /// <summary>The ingredient list as printed (INCI, IUPAC, CAS or EC names, in descending order).</summary>
    public string? Ingredients { get; private set; }

    /// <summary>The label says "pH regulator".</summary>
    public bool PhRegulator { get; private set; }

    /// <summary>The label says "Contains nickel. Can cause allergic reactions."</summary>
    public bool ContainsNickel { get; private set; }

    /// <summary>The label says "Contains chromium (VI). Can cause allergic reactions."</summary>
    public bool ContainsChromiumVi { get; private set; }

    public Instant CreatedAt { get; private set; }

    public static PigmentLot Create(Guid studioId, Guid id, Guid pigmentId, string lotNumber, LocalDate expiresOn, LocalDate? receivedOn, ReachLabel label, Instant now)
    {
        var lot = new PigmentLot { StudioId = studioId, Id = id, PigmentId = pigmentId, CreatedAt = now };
        lot.Update(lotNumber, expiresOn, receivedOn, label);
        return lot;
    }

    public void Update(string lotNumber, LocalDate expiresOn, LocalDate? receivedOn, ReachLabel label)
    {
        ArgumentNullException.ThrowIfNull(label);
        LotNumber = Guard.Required(lotNumber, "lotNumber", MaxLotNumberLength);
        if (receivedOn is { } received && received > expiresOn)
        {
            throw new DomainException("receivedOn", "must be on or before the expiry date.");
        }

        ExpiresOn = expiresOn;
        ReceivedOn = receivedOn;
        ReachLabelled = label.Labelled;
        Ingredients = Guard.Optional(label.Ingredients, "ingredients", MaxIngredientsLength);
        PhRegulator = label.PhRegulator;
        ContainsNickel = label.ContainsNickel;
        ContainsChromiumVi = label.ContainsChromiumVi;
    }

    /// <summary>Whether the lot is past its expiry on <paramref name="date"/>; it may be used up to and including its expiry date.</summary>
    public bool IsExpiredOn(LocalDate date) => date > ExpiresOn;

    public ReachLabel Label => new(ReachLabelled, Ingredients, PhRegulator, ContainsNickel, ContainsChromiumVi);
}

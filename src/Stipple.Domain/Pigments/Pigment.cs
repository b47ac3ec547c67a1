using NodaTime;
using Stipple.Core.Colour;

namespace Stipple.Domain;

/// <summary>
/// A product in the studio's pigment catalogue, with the colour of its swatch. Pigments are archived, not deleted, so
/// the sessions and colour records that used them keep pointing at them.
/// </summary>
public sealed class Pigment
{
    public const int MaxNameLength = 120;

    public const int MaxNotesLength = 2000;

    private Pigment()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public string Manufacturer { get; private set; } = "";

    public string Product { get; private set; } = "";

    public PigmentKind Kind { get; private set; }

    /// <summary>The colour of the pigment straight from the bottle, drawn out on white (CIELAB, D65).</summary>
    public Lab Swatch { get; private set; }

    public string? Notes { get; private set; }

    public Instant? ArchivedAt { get; private set; }

    public Instant CreatedAt { get; private set; }

    public Instant UpdatedAt { get; private set; }

    public bool IsArchived => ArchivedAt is not null;

    /// <summary>Whether the pigment may be matched and chosen for a session: an SMP or PMU pigment still in use (smp-facts §13.3).</summary>
    public bool IsSelectable => Kind.IsSelectable() && !IsArchived;

    public string Name => $"{Manufacturer} {Product}";

    public static Pigment Create(Guid studioId, Guid id, string manufacturer, string product, PigmentKind kind, Lab swatch, string? notes, Instant now)
    {
        var pigment = new Pigment { StudioId = studioId, Id = id, CreatedAt = now };
        pigment.Update(manufacturer, product, kind, swatch, notes, now);
        return pigment;
    }

    public void Update(string manufacturer, string product, PigmentKind kind, Lab swatch, string? notes, Instant now)
    {
        Manufacturer = Guard.Required(manufacturer, "manufacturer", MaxNameLength);
        Product = Guard.Required(product, "product", MaxNameLength);
        Kind = Enum.IsDefined(kind) ? kind : throw new DomainException("kind", "must be smp, pmu or tattoo-ink.");
        Swatch = ValidLab(swatch, "swatchLab");
        Notes = Guard.Optional(notes, "notes", MaxNotesLength);
        UpdatedAt = now;
    }

    public void Archive(Instant now)
    {
        ArchivedAt ??= now;
        UpdatedAt = now;
    }

    public void Unarchive(Instant now)
    {
        ArchivedAt = null;
        UpdatedAt = now;
    }

    /// <summary>The Lab itself, or a <see cref="DomainException"/> naming the component, e.g. <c>swatchLab.l</c>.</summary>
    public static Lab ValidLab(Lab lab, string field) =>
        Lab.Check(lab.L, lab.A, lab.B) is { } problem
            ? throw new DomainException($"{field}.{problem.Component}", problem.Message)
            : lab;
}

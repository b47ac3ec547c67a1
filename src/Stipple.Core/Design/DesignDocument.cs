namespace Stipple.Core.Design;

/// <summary>
/// A hairline and density design: the data a practitioner edits and the engine turns into dots. Serialised as JSON
/// with the schema <see cref="SchemaV1"/> (see <see cref="DesignJson"/> and docs/design-format.md). All lengths are
/// millimetres on the <see cref="ScalpMap"/>. Check a document with <see cref="DesignValidator"/> before use.
/// </summary>
public sealed record DesignDocument
{
    /// <summary>The schema identifier of this version of the format.</summary>
    public const string SchemaV1 = "stipple.design/1";

    /// <summary>Always <see cref="SchemaV1"/>.</summary>
    public string Schema { get; init; } = SchemaV1;

    /// <summary>The front edge of the design.</summary>
    public HairlineSpec Hairline { get; init; } = new();

    /// <summary>Zones, painted in order: a later zone covers an earlier one where they overlap; exclusions cover all.</summary>
    public IReadOnlyList<ZoneSpec> Zones { get; init; } = [];

    /// <summary>The feathered band behind the hairline.</summary>
    public TransitionSpec Transition { get; init; } = new();

    /// <summary>How the dots are split over sessions.</summary>
    public SessionPlanSpec Sessions { get; init; } = new();

    /// <summary>Seed of the deterministic random stream; the same document and seed give byte-identical dots.</summary>
    public uint Seed { get; init; }
}

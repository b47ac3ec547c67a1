using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using NodaTime;
using Stipple.Core.Colour;

namespace Stipple.Web.Features.Pigments;

/// <summary>A CIELAB colour (D65) on the wire: L 0–100, a and b ±128.</summary>
public sealed record LabDto(double L, double A, double B)
{
    public static LabDto From(Lab lab) => new(lab.L, lab.A, lab.B);
}

/// <summary>
/// A pigment as the catalogue and <c>/api/v1/pigments</c> show it, with its lots (soonest expiry first). Kind is smp,
/// pmu or tattoo-ink; Swatch is the nearest #rrggbb and SwatchLab the stored CIELAB; Selectable says whether it may be
/// matched and chosen for a session (SMP or PMU, not archived); LotsInDate counts the lots not past their expiry today
/// (the studio's today) and NextExpiry is the soonest expiry among them.
/// </summary>
public sealed record PigmentDto(
    Guid Id,
    string Manufacturer,
    string Product,
    string Kind,
    string Swatch,
    LabDto SwatchLab,
    string? Notes,
    bool Archived,
    bool Selectable,
    int LotsInDate,
    LocalDate? NextExpiry,
    IReadOnlyList<PigmentLotDto> Lots,
    Instant CreatedAt,
    Instant UpdatedAt)
{
    [JsonIgnore]
    public PigmentKind KindValue => PigmentKinds.TryParse(Kind, out var kind) ? kind : PigmentKind.TattooInk;

    [JsonIgnore]
    public string Name => $"{Manufacturer} {Product}";
}

/// <summary>
/// A lot (batch) of a pigment and what its EU REACH label says. Expired: past its expiry date today (a lot may be used
/// up to and including that day). ColourRecords: how many colour records name it; a lot with any cannot be deleted.
/// </summary>
public sealed record PigmentLotDto(
    Guid Id,
    Guid PigmentId,
    string LotNumber,
    LocalDate ExpiresOn,
    LocalDate? ReceivedOn,
    bool Expired,
    bool ReachLabelled,
    string? Ingredients,
    bool PhRegulator,
    bool ContainsNickel,
    bool ContainsChromiumVi,
    int ColourRecords,
    Instant CreatedAt);

/// <summary>
/// A pigment as a form or the API sends it. The swatch is either <see cref="Swatch"/> (#rrggbb) or
/// <see cref="SwatchLab"/>, exactly one. <see cref="Lots"/> may list first lots when creating; an update leaves the
/// lots alone (change them through <c>/lots</c>).
/// </summary>
public sealed class PigmentInput
{
    [StringLength(300)]
    public string? Manufacturer { get; set; }

    [StringLength(300)]
    public string? Product { get; set; }

    /// <summary>smp, pmu or tattoo-ink.</summary>
    [StringLength(40)]
    public string? Kind { get; set; }

    /// <summary>The swatch colour as #rrggbb.</summary>
    [StringLength(40)]
    public string? Swatch { get; set; }

    /// <summary>The swatch colour as measured CIELAB, instead of <see cref="Swatch"/>.</summary>
    public LabInput? SwatchLab { get; set; }

    [StringLength(4000)]
    public string? Notes { get; set; }

    /// <summary>Lots to add with a new pigment (creating only).</summary>
    public IReadOnlyList<LotInput>? Lots { get; set; }

    public static PigmentInput From(PigmentDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        return new PigmentInput { Manufacturer = dto.Manufacturer, Product = dto.Product, Kind = dto.Kind, Swatch = dto.Swatch, Notes = dto.Notes };
    }
}

/// <summary>A CIELAB colour as the API sends it; every component is required.</summary>
public sealed class LabInput
{
    public double? L { get; set; }

    public double? A { get; set; }

    public double? B { get; set; }
}

/// <summary>A lot as a form or the API sends it. Dates are ISO 8601 (2027-03-31), kept as typed so a bad one is shown back.</summary>
public sealed class LotInput
{
    [StringLength(200)]
    public string? LotNumber { get; set; }

    [StringLength(40)]
    public string? ExpiresOn { get; set; }

    [StringLength(40)]
    public string? ReceivedOn { get; set; }

    /// <summary>The label says "Mixture for use in tattoos or permanent make-up".</summary>
    public bool ReachLabelled { get; set; }

    /// <summary>The ingredient list as printed, in descending order.</summary>
    [StringLength(4000)]
    public string? Ingredients { get; set; }

    public bool PhRegulator { get; set; }

    public bool ContainsNickel { get; set; }

    public bool ContainsChromiumVi { get; set; }

    public static LotInput From(PigmentLotDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        return new LotInput
        {
            LotNumber = dto.LotNumber,
            ExpiresOn = NodaTime.Text.LocalDatePattern.Iso.Format(dto.ExpiresOn),
            ReceivedOn = dto.ReceivedOn is { } received ? NodaTime.Text.LocalDatePattern.Iso.Format(received) : null,
            ReachLabelled = dto.ReachLabelled,
            Ingredients = dto.Ingredients,
            PhRegulator = dto.PhRegulator,
            ContainsNickel = dto.ContainsNickel,
            ContainsChromiumVi = dto.ContainsChromiumVi,
        };
    }
}

/// <summary>
/// A pigment the matcher may recommend, with its swatch as stored (CIELAB, D65) and the lots that may be chosen on the
/// day asked about, soonest expiry first (empty when none is in date; the pigment is still listed).
/// </summary>
public sealed record SelectablePigment(Guid Id, string Manufacturer, string Product, PigmentKind Kind, Lab Swatch, IReadOnlyList<SelectableLot> Lots)
{
    public string Name => $"{Manufacturer} {Product}";
}

/// <summary>A lot that may be chosen: not past <see cref="ExpiresOn"/> on the day asked about.</summary>
public sealed record SelectableLot(Guid Id, string LotNumber, LocalDate ExpiresOn);

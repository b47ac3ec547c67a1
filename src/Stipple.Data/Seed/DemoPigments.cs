using NodaTime;
using Stipple.Core.Colour;
using Stipple.Domain;

namespace Stipple.Data.Seed;

/// <summary>
/// The demo studio's pigment catalogue: fictional products with hair-like swatches (dark, nearly neutral; browns warm,
/// the grey a little cool), one PMU pigment and one generic tattoo ink (catalogued, never offered for SMP). Lots expire
/// relative to the day of seeding; one lot of the black expired a month before it, so it stays expired.
/// </summary>
internal static class DemoPigments
{
    private const string Maker = "Demo Pigment Co.";
    private const string CarbonIngredients = "Aqua, Carbon Black (CI 77266), Alcohol, Glycerin, Hamamelis Virginiana Water";
    private const string OxideIngredients = "Aqua, CI 77499 (Iron Oxides), CI 77491 (Iron Oxides), Carbon Black (CI 77266), Glycerin, Alcohol";

    private static readonly (string Maker, string Product, PigmentKind Kind, Lab Swatch, string? Notes)[] Products =
    [
        (Maker, "Carbon Black SMP", PigmentKind.Smp, new Lab(14.0, 0.3, -0.6), "The studio's base black; dilute for every shade lighter than near-black hair."),
        (Maker, "Espresso", PigmentKind.Smp, new Lab(19.5, 2.4, 3.8), null),
        (Maker, "Warm Brown", PigmentKind.Smp, new Lab(29.0, 6.5, 10.5), "For warm brown and dark blond hair on fair skin."),
        (Maker, "Ash Grey", PigmentKind.Smp, new Lab(34.0, -0.6, -2.4), "Slightly cool: for grey and salt-and-pepper clients."),
        (Maker, "Soft Taupe PMU", PigmentKind.Pmu, new Lab(38.0, 5.0, 8.5), "Brows only."),
        ("Demo Ink Supplies", "Generic Tattoo Black", PigmentKind.TattooInk, new Lab(12.0, 1.0, -3.5), "Left over from the tattoo room; multi-component black."),
    ];

    public static void Add(StippleDbContext db, Guid studioId, Instant now)
    {
        var today = now.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        for (var i = 0; i < Products.Length; i++)
        {
            var (maker, product, kind, swatch, notes) = Products[i];
            var pigment = Pigment.Create(studioId, DemoStudio.DeterministicId("pigment", i), maker, product, kind, swatch, notes, now);
            db.Pigments.Add(pigment);
            var ingredients = kind == PigmentKind.Smp && i == 0 ? CarbonIngredients : OxideIngredients;
            var label = kind == PigmentKind.TattooInk ? ReachLabel.None : new ReachLabel(true, ingredients, PhRegulator: i % 2 == 1, ContainsNickel: false, ContainsChromiumVi: false);
            var prefix = string.Concat(product.Split(' ').Select(w => w[0]));
            Lot(db, studioId, pigment, i, 0, $"{prefix}-2411", today.PlusMonths(14 + i), today.PlusDays(-45), label, now);
            if (i == 0)
            {
                // Expired a month before seeding: shown struck through and never offered for a session.
                Lot(db, studioId, pigment, i, 1, $"{prefix}-2309", today.PlusDays(-30), today.PlusMonths(-14), label, now);
                Lot(db, studioId, pigment, i, 2, $"{prefix}-2502", today.PlusMonths(22), today.PlusDays(-10), label, now);
            }
            else if (i == 2)
            {
                Lot(db, studioId, pigment, i, 1, $"{prefix}-2506", today.PlusMonths(3), today.PlusDays(-120), label, now);
            }
        }
    }

    private static void Lot(StippleDbContext db, Guid studioId, Pigment pigment, int pigmentIndex, int lotIndex, string number, LocalDate expires, LocalDate received, ReachLabel label, Instant now) =>
        db.PigmentLots.Add(PigmentLot.Create(studioId, DemoStudio.DeterministicId("lot", (pigmentIndex * 10) + lotIndex), pigment.Id, number, expires, received, label, now));
}

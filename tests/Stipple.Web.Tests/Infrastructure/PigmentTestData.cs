using NodaTime;
using Stipple.Core.Colour;
using Stipple.Domain;

namespace Stipple.Web.Tests.Infrastructure;

/// <summary>Rows the pigment tests need that no endpoint writes yet (colour records come with calibration).</summary>
public static class PigmentTestData
{
    /// <summary>Stores a colour record (healed L 40 a 3 b 4) for the pigment and returns its id.</summary>
    public static async Task<Guid> AddColourRecordAsync(StippleAppFactory app, Guid studioId, Guid pigmentId, Guid? lotId, Guid? clientId)
    {
        ArgumentNullException.ThrowIfNull(app);
        var id = Guid.NewGuid();
        await app.InStudioAsync(studioId, async db =>
        {
            db.ColourRecords.Add(ColourRecord.Create(
                studioId, id, pigmentId, lotId, clientId, new Dilution(1, 2), new Lab(62, 12, 18), new Lab(40, 3, 4),
                new LocalDate(2026, 3, 2), "healed review", null, SystemClock.Instance.GetCurrentInstant()));
            return await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>Stores a pigment with the given lots (number, expiry) directly and returns its id and the lots' ids.</summary>
    public static async Task<(Guid PigmentId, Guid[] LotIds)> AddPigmentAsync(
        StippleAppFactory app, Guid studioId, string product, PigmentKind kind, params (string Number, LocalDate ExpiresOn)[] lots)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(lots);
        var now = SystemClock.Instance.GetCurrentInstant();
        var pigment = Pigment.Create(studioId, Guid.NewGuid(), "Fixture Co", product, kind, new Lab(20, 1, 2), null, now);
        var rows = lots.Select(l => PigmentLot.Create(studioId, Guid.NewGuid(), pigment.Id, l.Number, l.ExpiresOn, null, ReachLabel.None, now)).ToArray();
        await app.InStudioAsync(studioId, async db =>
        {
            db.Pigments.Add(pigment);
            db.PigmentLots.AddRange(rows);
            return await db.SaveChangesAsync();
        });
        return (pigment.Id, [.. rows.Select(r => r.Id)]);
    }
}

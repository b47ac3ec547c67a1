using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Stipple.Core.Colour;
using Stipple.Data.Tenancy;
using Stipple.Web.Features.Pigments;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>
/// What pigment matching may offer (PigmentService.SelectableAsync) and the lot check it calls (CheckLotAsync), through
/// the app's own service in a request-like scope: no tattoo ink, nothing archived, no expired lot.
/// </summary>
public sealed class PigmentSelectionTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private static readonly LocalDate Today = new(2030, 6, 15);

    private TestStudio studio = null!;
    private Guid black;
    private Guid[] blackLots = [];
    private Guid taupe;
    private Guid tattoo;
    private Guid archived;

    public async Task InitializeAsync()
    {
        studio = await app.CreateStudioAsync("Selection");
        (black, blackLots) = await PigmentTestData.AddPigmentAsync(
            app, studio.Id, "Black", PigmentKind.Smp, ("B-EXPIRED", Today.PlusDays(-1)), ("B-TODAY", Today), ("B-LATER", Today.PlusMonths(6)));
        (taupe, _) = await PigmentTestData.AddPigmentAsync(app, studio.Id, "Taupe", PigmentKind.Pmu, ("T-OLD", Today.PlusYears(-1)));
        (tattoo, _) = await PigmentTestData.AddPigmentAsync(app, studio.Id, "Tattoo Black", PigmentKind.TattooInk, ("X-1", Today.PlusYears(1)));
        (archived, _) = await PigmentTestData.AddPigmentAsync(app, studio.Id, "Old Brown", PigmentKind.Smp, ("O-1", Today.PlusYears(1)));
        using var client = app.CreateApiClient(await app.CreateApiKeyAsync(studio.Id));
        (await client.PostAsync($"/api/v1/pigments/{archived}/archive", null)).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Selectable_pigments_are_smp_and_pmu_not_archived_and_never_tattoo_ink()
    {
        var selectable = await WithServiceAsync(s => s.SelectableAsync(Today, CancellationToken.None));

        selectable.Select(p => p.Id).ShouldBe([black, taupe]);
        selectable.ShouldNotContain(p => p.Id == tattoo);
        selectable.Single(p => p.Id == taupe).Kind.ShouldBe(PigmentKind.Pmu);
        selectable.Single(p => p.Id == black).Swatch.ShouldBe(new Lab(20, 1, 2));
    }

    [Fact]
    public async Task Selectable_lots_are_those_in_date_including_one_expiring_that_day_soonest_first()
    {
        var selectable = await WithServiceAsync(s => s.SelectableAsync(Today, CancellationToken.None));

        selectable.Single(p => p.Id == black).Lots.Select(l => l.LotNumber).ShouldBe(["B-TODAY", "B-LATER"]);
        selectable.Single(p => p.Id == taupe).Lots.ShouldBeEmpty("its only lot expired; the pigment is still listed");

        var tomorrow = await WithServiceAsync(s => s.SelectableAsync(Today.PlusDays(1), CancellationToken.None));
        tomorrow.Single(p => p.Id == black).Lots.Select(l => l.LotNumber).ShouldBe(["B-LATER"]);
    }

    [Fact]
    public async Task Check_lot_accepts_a_lot_in_date_and_one_expiring_that_day()
    {
        (await WithServiceAsync(s => s.CheckLotAsync(black, blackLots[1], Today, "lotId", CancellationToken.None))).ShouldBeNull();
        (await WithServiceAsync(s => s.CheckLotAsync(black, blackLots[2], Today, "lotId", CancellationToken.None))).ShouldBeNull();
        (await WithServiceAsync(s => s.CheckLotAsync(black, null, Today, "lotId", CancellationToken.None))).ShouldBeNull();
    }

    [Fact]
    public async Task Check_lot_refuses_an_expired_lot_naming_the_field_and_the_date_in_the_studios_format()
    {
        var errors = await WithServiceAsync(s => s.CheckLotAsync(black, blackLots[0], Today, "sessions[0].lotId", CancellationToken.None));

        errors.ShouldNotBeNull();
        errors.MessageFor("sessions[0].lotId").ShouldBe("Lot B-EXPIRED expired on 14 Jun 2030; choose a lot in date.");

        var later = await WithServiceAsync(s => s.CheckLotAsync(black, blackLots[1], Today.PlusDays(1), "lotId", CancellationToken.None));
        later!.MessageFor("lotId").ShouldBe("Lot B-TODAY expired on 15 Jun 2030; choose a lot in date.");
    }

    [Fact]
    public async Task Check_lot_refuses_a_lot_of_another_pigment_and_a_lot_that_does_not_exist()
    {
        var other = await WithServiceAsync(s => s.CheckLotAsync(taupe, blackLots[2], Today, "lotId", CancellationToken.None));
        other!.MessageFor("lotId")!.ShouldContain("Lot B-LATER is a lot of another pigment");

        var missing = await WithServiceAsync(s => s.CheckLotAsync(black, Guid.NewGuid(), Today, "lotId", CancellationToken.None));
        missing!.MessageFor("lotId")!.ShouldContain("No such lot");
    }

    [Fact]
    public async Task Another_studios_lot_does_not_exist_for_the_check()
    {
        var elsewhere = await app.CreateStudioAsync("Selection Other");
        var (otherPigment, otherLots) = await PigmentTestData.AddPigmentAsync(app, elsewhere.Id, "Black", PigmentKind.Smp, ("E-1", Today.PlusYears(1)));

        var errors = await WithServiceAsync(s => s.CheckLotAsync(otherPigment, otherLots[0], Today, "lotId", CancellationToken.None));

        errors!.MessageFor("lotId")!.ShouldContain("No such lot");
        (await WithServiceAsync(s => s.SelectableAsync(Today, CancellationToken.None))).ShouldNotContain(p => p.Id == otherPigment);
    }

    private async Task<T> WithServiceAsync<T>(Func<PigmentService, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StudioScope>().Set(studio.Id);
        return await work(scope.ServiceProvider.GetRequiredService<PigmentService>());
    }
}

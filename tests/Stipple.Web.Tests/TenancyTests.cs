using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using Stipple.Core.Colour;
using Stipple.Domain;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>Studio A's staff and keys cannot read, list, change or delete studio B's rows, by any door.</summary>
public sealed class TenancyTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private TestStudio a = null!;
    private TestStudio b = null!;
    private string aKey = "";
    private Guid bKeyId;
    private Guid aPigment;
    private Guid bPigment;
    private Guid bLot;

    public async Task InitializeAsync()
    {
        a = await app.CreateStudioAsync("Alpha");
        b = await app.CreateStudioAsync("Bravo");
        aKey = await app.CreateApiKeyAsync(a.Id);
        await app.CreateApiKeyAsync(b.Id);
        bKeyId = await app.InStudioAsync(b.Id, db => db.ApiKeys.Select(k => k.Id).FirstAsync());
        (aPigment, _) = await AddPigmentRowsAsync(a);
        (bPigment, bLot) = await AddPigmentRowsAsync(b);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Api_key_lists_only_its_own_studios_clients_and_staff()
    {
        using var client = app.CreateApiClient(aKey);
        var clients = await client.GetFromJsonAsync<List<ClientRow>>("/api/v1/clients");
        clients!.Select(c => c.Id).ShouldBe(a.Clients.Select(c => c.Id), ignoreOrder: true);

        var staff = await client.GetFromJsonAsync<List<StaffRow>>("/api/v1/staff");
        staff!.Select(s => s.Email).ShouldBe([a.Owner.Email, a.Practitioner.Email, a.FrontDesk.Email], ignoreOrder: true);

        var studio = await client.GetFromJsonAsync<StudioRow>("/api/v1/studio");
        studio!.Id.ShouldBe(a.Id);
    }

    [Fact]
    public async Task Api_key_cannot_read_change_or_delete_another_studios_client()
    {
        using var client = app.CreateApiClient(aKey);
        var target = b.Clients[0].Id;

        (await client.GetAsync($"/api/v1/clients/{target}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutAsJsonAsync($"/api/v1/clients/{target}", new { givenName = "Hacked", familyName = "Name", dateOfBirth = StippleAppFactory.AdultDateOfBirth })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"/api/v1/clients/{target}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetFromJsonAsync<List<ClientRow>>($"/api/v1/clients?search={b.Tag}"))!.ShouldBeEmpty();

        var untouched = await app.InStudioAsync(b.Id, db => db.Clients.AsNoTracking().FirstAsync(c => c.Id == target));
        untouched.GivenName.ShouldBe(b.Clients[0].GivenName);
    }

    [Fact]
    public async Task Owner_cookie_cannot_open_edit_or_list_another_studios_rows()
    {
        var session = await BrowserSession.SignedInAsync(app, a.Owner.Email);
        var target = b.Clients[0].Id;

        (await session.Client.GetAsync($"/Clients/{a.Clients[0].Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await session.Client.GetAsync($"/Clients/{target}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var edit = await session.PostFormAsync("/Clients", $"/Clients/{target}", new() { ["Input.GivenName"] = "Hacked", ["Input.FamilyName"] = "Name", ["Input.DateOfBirth"] = StippleAppFactory.AdultDateOfBirth });
        edit.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var list = await session.Client.GetStringAsync("/Clients");
        list.ShouldContain(a.Tag);
        list.ShouldNotContain(b.Tag);
        var staff = await session.Client.GetStringAsync("/Staff");
        staff.ShouldContain(a.Owner.Email);
        staff.ShouldNotContain(b.Owner.Email);
        var dashboard = await session.Client.GetStringAsync("/");
        dashboard.ShouldNotContain(b.Tag);

        var revoke = await session.PostFormAsync("/Settings/ApiKeys", $"/Settings/ApiKeys?handler=Revoke&id={bKeyId}", []);
        revoke.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bKey = await app.InStudioAsync(b.Id, db => db.ApiKeys.AsNoTracking().FirstAsync(k => k.Id == bKeyId));
        bKey.RevokedAt.ShouldBeNull();

        var untouched = await app.InStudioAsync(b.Id, db => db.Clients.AsNoTracking().FirstAsync(c => c.Id == target));
        untouched.GivenName.ShouldBe(b.Clients[0].GivenName);
    }

    [Fact]
    public async Task Raw_query_without_a_studio_setting_returns_nothing()
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "studios", "staff_users", "staff_invitations", "rooms", "clients", "client_accounts", "api_keys", "pigments", "pigment_lots", "colour_records", "colour_models" })
        {
            await using var count = new NpgsqlCommand($"select count(*) from {table}", connection);
            ((long)(await count.ExecuteScalarAsync())!).ShouldBe(0, $"table {table} must show no rows without a studio");
        }

        // And the owner's view proves the rows are really there.
        await using var owner = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await owner.OpenAsync();
        await using var all = new NpgsqlCommand("select count(*) from clients", owner);
        ((long)(await all.ExecuteScalarAsync())!).ShouldBeGreaterThanOrEqualTo(4);
        foreach (var table in new[] { "pigments", "pigment_lots", "colour_records", "colour_models" })
        {
            await using var rows = new NpgsqlCommand($"select count(*) from {table}", owner);
            ((long)(await rows.ExecuteScalarAsync())!).ShouldBeGreaterThanOrEqualTo(2, $"table {table} has both studios' rows");
        }
    }

    [Theory]
    [InlineData("pigments", "insert into pigments (studio_id, id, manufacturer, product, kind, swatch_l, swatch_a, swatch_b, created_at, updated_at) values ($1, gen_random_uuid(), 'X', 'Y', 'smp', 20, 0, 0, now(), now())")]
    [InlineData("pigment_lots", "insert into pigment_lots (studio_id, id, pigment_id, lot_number, expires_on, created_at) values ($1, gen_random_uuid(), $2, 'X-1', '2031-01-01', now())")]
    [InlineData("colour_records", "insert into colour_records (studio_id, id, pigment_id, pigment_parts, water_parts, skin_l, skin_a, skin_b, healed_l, healed_a, healed_b, session_on, created_at) values ($1, gen_random_uuid(), $2, 1, 1, 60, 10, 15, 40, 3, 4, '2026-01-01', now())")]
    [InlineData("colour_models", "insert into colour_models (studio_id, parameters, record_count, fitted_at) values ($1, '{}', 0, now())")]
    public async Task Raw_query_set_to_one_studio_sees_only_its_pigment_rows_and_cannot_write_another_studios(string table, string insert)
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using (var set = Data.Tenancy.StudioSession.SetCommand(connection, a.Id))
        {
            await set.ExecuteNonQueryAsync();
        }

        await using (var studios = new NpgsqlCommand($"select array_agg(distinct studio_id) from {table}", connection))
        {
            ((Guid[])(await studios.ExecuteScalarAsync())!).ShouldBe([a.Id]);
        }

        await using (var update = new NpgsqlCommand($"update {table} set studio_id = studio_id where studio_id = $1", connection))
        {
            update.Parameters.AddWithValue(b.Id);
            (await update.ExecuteNonQueryAsync()).ShouldBe(0, $"{table}: another studio's rows cannot be updated");
        }

        await using (var delete = new NpgsqlCommand($"delete from {table} where studio_id = $1", connection))
        {
            delete.Parameters.AddWithValue(b.Id);
            (await delete.ExecuteNonQueryAsync()).ShouldBe(0, $"{table}: another studio's rows cannot be deleted");
        }

        await using var command = new NpgsqlCommand(insert, connection);
        command.Parameters.AddWithValue(b.Id);
        if (insert.Contains("$2", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue(bPigment);
        }

        var error = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await app.InStudioAsync(b.Id, db => db.ColourModelFits.AsNoTracking().SingleAsync())).RecordCount.ShouldBe(3);
        (await app.InStudioAsync(b.Id, db => db.ColourRecords.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Api_key_cannot_see_change_archive_or_touch_the_lots_of_another_studios_pigment()
    {
        using var client = app.CreateApiClient(aKey);
        var lot = new { lotNumber = "HACK-1", expiresOn = "2031-01-01" };

        (await client.GetFromJsonAsync<List<PigmentRow>>("/api/v1/pigments?includeArchived=true"))!.Select(p => p.Product).ShouldBe([$"Tenant {a.Tag}"]);
        (await client.GetFromJsonAsync<List<PigmentRow>>($"/api/v1/pigments?search=L-{b.Tag}"))!.ShouldBeEmpty();
        (await client.GetAsync($"/api/v1/pigments/{bPigment}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/pigments/{bPigment}/lots/{bLot}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutAsJsonAsync($"/api/v1/pigments/{bPigment}", new { manufacturer = "Hacked", product = "Name", kind = "smp", swatch = "#000000" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync($"/api/v1/pigments/{bPigment}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync($"/api/v1/pigments/{bPigment}/lots", lot)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutAsJsonAsync($"/api/v1/pigments/{bPigment}/lots/{bLot}", lot)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"/api/v1/pigments/{bPigment}/lots/{bLot}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var pigment = await app.InStudioAsync(b.Id, db => db.Pigments.AsNoTracking().SingleAsync(p => p.Id == bPigment));
        pigment.Manufacturer.ShouldBe("Tenancy Co");
        pigment.ArchivedAt.ShouldBeNull();
        (await app.InStudioAsync(b.Id, db => db.PigmentLots.AsNoTracking().Select(l => l.LotNumber).ToListAsync())).ShouldBe([$"L-{b.Tag}"]);
    }

    [Fact]
    public async Task Owner_cookie_cannot_open_or_change_another_studios_pigment_page()
    {
        var session = await BrowserSession.SignedInAsync(app, a.Owner.Email);

        (await session.Client.GetAsync($"/Pigments/{aPigment}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await session.Client.GetAsync($"/Pigments/{bPigment}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await session.PostFormAsync("/Pigments", $"/Pigments/{bPigment}?handler=Archive", [])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await session.PostFormAsync("/Pigments", $"/Pigments/{bPigment}?handler=DeleteLot&lotId={bLot}", [])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await session.Client.GetStringAsync("/Pigments?archived=true");
        list.ShouldContain($"Tenant {a.Tag}");
        list.ShouldNotContain($"Tenant {b.Tag}");
        (await app.InStudioAsync(b.Id, db => db.PigmentLots.CountAsync())).ShouldBe(1);
        (await app.InStudioAsync(b.Id, db => db.Pigments.AsNoTracking().SingleAsync())).ArchivedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Raw_query_set_to_one_studio_sees_only_it_and_cannot_write_into_another()
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using (var set = Data.Tenancy.StudioSession.SetCommand(connection, a.Id))
        {
            await set.ExecuteNonQueryAsync();
        }

        await using (var studios = new NpgsqlCommand("select array_agg(distinct studio_id) from clients", connection))
        {
            ((Guid[])(await studios.ExecuteScalarAsync())!).ShouldBe([a.Id]);
        }

        await using var insert = new NpgsqlCommand(
            "insert into clients (studio_id, id, given_name, family_name, created_at, updated_at) values ($1, gen_random_uuid(), 'X', 'Y', now(), now())", connection);
        insert.Parameters.AddWithValue(b.Id);
        var error = await Should.ThrowAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public async Task App_role_is_neither_superuser_nor_bypassrls_nor_owner()
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select rolsuper, rolbypassrls, (select tableowner from pg_tables where tablename = 'clients') = current_user from pg_roles where rolname = current_user", connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetBoolean(0).ShouldBeFalse();
        reader.GetBoolean(1).ShouldBeFalse();
        reader.GetBoolean(2).ShouldBeFalse();
    }



    /// <summary>A pigment, a lot, a colour record and a fitted model (record count 3) for the studio.</summary>
    private async Task<(Guid Pigment, Guid Lot)> AddPigmentRowsAsync(TestStudio studio)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var pigment = Pigment.Create(studio.Id, Guid.NewGuid(), "Tenancy Co", $"Tenant {studio.Tag}", PigmentKind.Smp, new Lab(20, 1, 1), null, now);
        var lot = PigmentLot.Create(studio.Id, Guid.NewGuid(), pigment.Id, $"L-{studio.Tag}", new LocalDate(2031, 1, 1), null, ReachLabel.None, now);
        await app.InStudioAsync(studio.Id, async db =>
        {
            db.Pigments.Add(pigment);
            db.PigmentLots.Add(lot);
            db.ColourRecords.Add(ColourRecord.Create(
                studio.Id, Guid.NewGuid(), pigment.Id, lot.Id, studio.Clients[0].Id, new Dilution(1, 1), new Lab(60, 10, 15), new Lab(40, 3, 4),
                new LocalDate(2026, 1, 1), null, studio.Practitioner.Id, now));
            db.ColourModelFits.Add(ColourModelFit.Create(studio.Id, "{\"scatter\": 0.4}", 3, 4.2, 2.1, now));
            return await db.SaveChangesAsync();
        });
        return (pigment.Id, lot.Id);
    }

    private sealed record PigmentRow(Guid Id, string Product);

    private sealed record ClientRow(
Guid Id, string GivenName, string FamilyName);

    private sealed record StaffRow(Guid Id, string Email, string Role);

    private sealed record StudioRow(Guid Id, string Name);
}

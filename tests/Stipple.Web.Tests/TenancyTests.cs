using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>Studio A's staff and keys cannot read, list, change or delete studio B's rows, by any door.</summary>
public sealed class TenancyTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private TestStudio a = null!;
    private TestStudio b = null!;
    private string aKey = "";
    private Guid bKeyId;

    public async Task InitializeAsync()
    {
        a = await app.CreateStudioAsync("Alpha");
        b = await app.CreateStudioAsync("Bravo");
        aKey = await app.CreateApiKeyAsync(a.Id);
        await app.CreateApiKeyAsync(b.Id);
        bKeyId = await app.InStudioAsync(b.Id, db => db.ApiKeys.Select(k => k.Id).FirstAsync());
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
        (await client.PutAsJsonAsync($"/api/v1/clients/{target}", new { givenName = "Hacked", familyName = "Name" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
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

        (await session.Client.GetAsync($"/Clients/{target}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var edit = await session.PostFormAsync("/Clients", $"/Clients/{target}", new() { ["Input.GivenName"] = "Hacked", ["Input.FamilyName"] = "Name" });
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
        foreach (var table in new[] { "studios", "staff_users", "staff_invitations", "rooms", "clients", "client_accounts", "api_keys" })
        {
            await using var count = new NpgsqlCommand($"select count(*) from {table}", connection);
            ((long)(await count.ExecuteScalarAsync())!).ShouldBe(0, $"table {table} must show no rows without a studio");
        }

        // And the owner's view proves the rows are really there.
        await using var owner = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await owner.OpenAsync();
        await using var all = new NpgsqlCommand("select count(*) from clients", owner);
        ((long)(await all.ExecuteScalarAsync())!).ShouldBeGreaterThanOrEqualTo(4);
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



    private sealed record ClientRow(Guid Id, string GivenName, string FamilyName);

    private sealed record StaffRow(Guid Id, string Email, string Role);

    private sealed record StudioRow(Guid Id, string Name);
}

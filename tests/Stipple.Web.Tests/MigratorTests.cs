using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Stipple.Data.Migrator;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>The migrator against a real, empty PostgreSQL database each time.</summary>
public sealed class MigratorTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Applies_every_script_once_and_records_its_checksum()
    {
        var scripts = MigrationScript.LoadEmbedded();
        scripts.ShouldNotBeEmpty();

        var first = await Migrator(scripts).MigrateAsync(CancellationToken.None);
        first.ShouldBe(scripts.Select(s => s.Version).ToList());
        var second = await Migrator(scripts).MigrateAsync(CancellationToken.None);
        second.ShouldBeEmpty();

        var recorded = await RecordedAsync();
        recorded.ShouldBe(scripts.Select(s => (s.Version, s.Checksum)).ToList());
    }

    [Fact]
    public async Task Refuses_to_start_when_an_applied_script_has_changed()
    {
        var scripts = MigrationScript.LoadEmbedded();
        await Migrator(scripts).MigrateAsync(CancellationToken.None);

        var changed = scripts.Select(s => s.Version == 1 ? s with { Sql = s.Sql + "\n-- an edit after the fact\n" } : s).ToList();
        var error = await Should.ThrowAsync<MigrationException>(() => Migrator(changed).MigrateAsync(CancellationToken.None));
        error.Message.ShouldContain("0001_foundation.sql was changed after it was applied");
    }

    [Fact]
    public async Task Refuses_a_database_that_has_a_migration_this_build_does_not_know()
    {
        var scripts = MigrationScript.LoadEmbedded();
        var newer = scripts.Append(new MigrationScript(9999, "from_the_future", "create table future_thing (id int)")).ToList();
        await Migrator(newer).MigrateAsync(CancellationToken.None);

        var error = await Should.ThrowAsync<MigrationException>(() => Migrator(scripts).MigrateAsync(CancellationToken.None));
        error.Message.ShouldContain("9999_from_the_future");
    }

    [Fact]
    public async Task A_failing_script_leaves_nothing_half_applied()
    {
        var scripts = MigrationScript.LoadEmbedded();
        var broken = scripts.Append(new MigrationScript(9000, "broken", "create table half_done (id int); select no_such_function();")).ToList();

        var error = await Should.ThrowAsync<MigrationException>(() => Migrator(broken).MigrateAsync(CancellationToken.None));
        error.Message.ShouldContain("9000_broken.sql failed");

        (await RecordedAsync()).Select(r => r.Version).ShouldNotContain(9000);
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("select to_regclass('half_done') is not null", connection);
        ((bool)(await exists.ExecuteScalarAsync())!).ShouldBeFalse();
    }

    [Fact]
    public async Task Two_instances_starting_together_migrate_once()
    {
        var scripts = MigrationScript.LoadEmbedded();
        using var start = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await Migrator(scripts).MigrateAsync(CancellationToken.None);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(runs);

        results.Sum(r => r.Count).ShouldBe(scripts.Count);
        results.Count(r => r.Count > 0).ShouldBe(1);
        (await RecordedAsync()).Count.ShouldBe(scripts.Count);
    }

    [Fact]
    public void Script_names_must_be_numbered()
    {
        Should.Throw<InvalidOperationException>(() => MigrationScript.Parse("foundation.sql", "select 1"));
        MigrationScript.Parse("0042_add_things.sql", "select 1").ShouldBe(new MigrationScript(42, "add_things", "select 1"));
    }

    [Fact]
    public void Checksum_ignores_line_ending_style_but_not_content()
    {
        var unix = new MigrationScript(1, "x", "select 1;\nselect 2;\n");
        var windows = new MigrationScript(1, "x", "select 1;\r\nselect 2;\r\n");
        var edited = new MigrationScript(1, "x", "select 1;\nselect 3;\n");
        windows.Checksum.ShouldBe(unix.Checksum);
        edited.Checksum.ShouldNotBe(unix.Checksum);
    }

    private SchemaMigrator Migrator(IReadOnlyList<MigrationScript> scripts) =>
        new(database.OwnerConnectionString, scripts, NullLogger.Instance);

    private async Task<List<(int Version, string Checksum)>> RecordedAsync()
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select version, checksum from schema_migrations order by version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return rows;
    }
}

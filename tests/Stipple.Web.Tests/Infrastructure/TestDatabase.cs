using System.Globalization;
using Npgsql;

namespace Stipple.Web.Tests.Infrastructure;

/// <summary>
/// A fresh database on the throwaway cluster that <c>./stipple test</c> starts (STIPPLE_TEST_DATABASE is its superuser
/// connection). The database belongs to stipple_owner, migrations run as that owner, and the app connects as stipple_app,
/// exactly as in production.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, NpgsqlConnectionStringBuilder admin)
    {
        Name = name;
        Admin = admin;
        OwnerConnectionString = For(admin, name, "stipple_owner");
        AppConnectionString = For(admin, name, "stipple_app");
        SuperuserConnectionString = For(admin, name, admin.Username!);
    }

    public string Name { get; }

    public string OwnerConnectionString { get; }

    public string AppConnectionString { get; }

    /// <summary>The cluster's superuser on this database, for what only a superuser may do (e.g. load auto_explain).</summary>
    public string SuperuserConnectionString { get; }

    private NpgsqlConnectionStringBuilder Admin { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var raw = Environment.GetEnvironmentVariable("STIPPLE_TEST_DATABASE");
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new InvalidOperationException("STIPPLE_TEST_DATABASE is not set. Run the tests with ./stipple test, which starts a throwaway PostgreSQL.");
        }

        var admin = new NpgsqlConnectionStringBuilder(raw);
        var name = "t_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..16];
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database {name} owner stipple_owner", connection);
        await command.ExecuteNonQueryAsync();
        return new TestDatabase(name, admin);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop database if exists {Name} with (force)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string For(NpgsqlConnectionStringBuilder admin, string database, string user) =>
        new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database, Username = user, Password = null, Pooling = true }.ConnectionString;
}

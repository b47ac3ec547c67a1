using Microsoft.Extensions.Logging;
using Npgsql;

namespace Stipple.Data.Migrator;

/// <summary>
/// Applies numbered SQL scripts in order. A session-level advisory lock makes concurrent starts take turns, so two
/// instances starting together migrate once; each script runs in its own transaction together with the row that
/// records it, and an applied script whose checksum changed stops the start-up.
/// </summary>
public sealed class SchemaMigrator(string connectionString, IReadOnlyList<MigrationScript> scripts, ILogger logger)
{
    /// <summary>Arbitrary but fixed: the advisory lock key for Stipple's migrations ("STIPPLE" in ASCII, as a bigint).</summary>
    private const long AdvisoryLockKey = 0x5354_4950_504C_45;

    /// <summary>Migrates and returns the versions it applied (empty when the database was current).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        await ExecuteAsync(connection, null, $"select pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(
                connection,
                null,
                """
                create table if not exists schema_migrations (
                    version    int primary key,
                    name       text not null,
                    checksum   text not null,
                    applied_at timestamptz not null default now()
                )
                """,
                cancellationToken);

            var applied = await ReadAppliedAsync(connection, cancellationToken);
            Verify(applied);

            var done = new List<int>();
            foreach (var script in scripts.Where(s => !applied.ContainsKey(s.Version)).OrderBy(s => s.Version))
            {
                await ApplyAsync(connection, script, cancellationToken);
                done.Add(script.Version);
            }

            return done;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"select pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private void Verify(Dictionary<int, (string Name, string Checksum)> applied)
    {
        var byVersion = scripts.ToDictionary(s => s.Version);
        foreach (var (version, record) in applied.OrderBy(a => a.Key))
        {
            if (!byVersion.TryGetValue(version, out var script))
            {
                throw new MigrationException(
                    $"The database has migration {version:D4}_{record.Name} applied, but this build has no such file. Is the app older than the database?");
            }

            if (!string.Equals(script.Checksum, record.Checksum, StringComparison.Ordinal))
            {
                throw new MigrationException(
                    $"Migration {script.FileName} was changed after it was applied (checksum {record.Checksum[..12]}… in the database, {script.Checksum[..12]}… in the file). " +
                    "Applied migrations are history: restore the file and put the change in a new numbered file.");
            }
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        logger.LogInformation("Applying migration {Migration}", script.FileName);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await using var record = new NpgsqlCommand(
                "insert into schema_migrations (version, name, checksum) values ($1, $2, $3)", connection, transaction);
            record.Parameters.AddWithValue(script.Version);
            record.Parameters.AddWithValue(script.Name);
            record.Parameters.AddWithValue(script.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException ex)
        {
            throw new MigrationException($"Migration {script.FileName} failed: {ex.MessageText} (SQLSTATE {ex.SqlState}, line {ex.Line}).", ex);
        }
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, (string, string)>();
        await using var command = new NpgsqlCommand("select version, name, checksum from schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

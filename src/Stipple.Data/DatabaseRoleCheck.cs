using Npgsql;

namespace Stipple.Data;

/// <summary>
/// Refuses an app connection whose role would not be held to row-level security: a superuser, a BYPASSRLS role, or
/// the owner of the tables (owners are exempt from their own tables' policies).
/// </summary>
public static class DatabaseRoleCheck
{
    public static async Task EnsureRowLevelSecurityAppliesAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select r.rolname, r.rolsuper, r.rolbypassrls,
                   exists (select 1 from pg_tables t where t.schemaname = 'public' and t.tablename = 'studios' and t.tableowner = r.rolname)
            from pg_roles r where r.rolname = current_user
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("Could not read the database role of the app connection.");
        }

        var role = reader.GetString(0);
        if (reader.GetBoolean(1) || reader.GetBoolean(2) || reader.GetBoolean(3))
        {
            throw new InvalidOperationException(
                $"The app connects as '{role}', which is a superuser, has BYPASSRLS, or owns the tables, so row-level security would not keep studios apart. " +
                "Connect STIPPLE_DATABASE as a role like stipple_app (member of stipple_app, no BYPASSRLS) and run migrations as the owner via STIPPLE_MIGRATION_DATABASE.");
        }
    }
}

using Npgsql;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>
/// Every table that holds a studio's rows (it has a studio_id column) has row-level security on and the one studio
/// policy, read from the catalogue after all migrations — so a new table cannot be forgotten.
/// </summary>
public sealed class RowLevelSecurityCoverageTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>
{
    [Fact]
    public async Task Every_table_with_a_studio_id_has_row_level_security_and_the_studio_policy()
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select c.relname, c.relrowsecurity,
                   exists (select 1 from pg_policies p where p.tablename = c.relname and p.policyname = 'studio_isolation'
                           and p.qual like '%stipple_current_studio()%' and p.with_check like '%stipple_current_studio()%')
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind = 'r'
              and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'studio_id' and not a.attisdropped)
            order by c.relname
            """, connection);
        var tables = new List<(string Name, bool Rls, bool Policy)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2)));
            }
        }

        tables.Select(t => t.Name).ShouldContain("appointments");
        tables.Select(t => t.Name).ShouldContain("outbox");
        tables.Count.ShouldBeGreaterThan(20);
        tables.Where(t => !t.Rls || !t.Policy).Select(t => t.Name).ShouldBeEmpty("tables without row-level security or the studio policy");
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Stipple.Data.Tenancy;

/// <summary>
/// Sets <c>stipple.studio_id</c> on every connection the DbContext opens, from the request's <see cref="StudioScope"/>
/// (an empty value when none, which row-level security reads as "no studio"). Npgsql resets session state when a
/// pooled connection is returned, and the value is set again on every open, so a connection never carries another
/// request's studio.
/// </summary>
public sealed class StudioConnectionInterceptor(StudioScope scope) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Build(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Build(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlCommand Build(DbConnection connection) => StudioSession.SetCommand((NpgsqlConnection)connection, scope.StudioId);
}

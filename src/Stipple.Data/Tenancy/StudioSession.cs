using System.Globalization;
using Npgsql;

namespace Stipple.Data.Tenancy;

/// <summary>The one place that tells PostgreSQL which studio a connection works for.</summary>
public static class StudioSession
{
    public const string Setting = "stipple.studio_id";

    public static NpgsqlCommand SetCommand(NpgsqlConnection connection, Guid? studioId)
    {
        var command = new NpgsqlCommand($"select set_config('{Setting}', $1, false)", connection);
        command.Parameters.AddWithValue(studioId?.ToString("D", CultureInfo.InvariantCulture) ?? "");
        return command;
    }
}

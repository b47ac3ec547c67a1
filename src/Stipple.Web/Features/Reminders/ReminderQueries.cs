using System.Globalization;
using Npgsql;
using NodaTime;
using Stipple.Core.Scheduling;
using Stipple.Data.Conversions;
using Stipple.Domain;

namespace Stipple.Web.Features.Reminders;

/// <summary>
/// The dispatcher's SQL, on its own connection and transaction (not EF: the claim's row locks live in this
/// transaction). Everything after the claim reads through row-level security with the message's studio set for the
/// transaction only.
/// </summary>
internal static class ReminderQueries
{
    public static async Task<List<(Guid StudioId, Guid Id)>> ClaimAsync(NpgsqlConnection connection, Instant now, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select studio_id, id from stipple_claim_outbox($1, $2)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToDateTimeUtc() });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var claimed = new List<(Guid, Guid)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add((reader.GetGuid(0), reader.GetGuid(1)));
        }

        return claimed;
    }

    /// <summary>Sets the studio for the rest of the transaction (or until the savepoint it was set in is rolled back).</summary>
    public static Task SetStudioAsync(NpgsqlConnection connection, Guid studioId, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, "select set_config('stipple.studio_id', $1, true)", cancellationToken, studioId.ToString("D", CultureInfo.InvariantCulture));

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The message's kind, payload and failed attempts so far; null when it is not visible (another studio).</summary>
    public static async Task<(string Kind, string Payload, int Attempts)?> MessageAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select kind, payload::text, attempts from outbox where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetString(1), reader.GetInt32(2)) : null;
    }

    public static Task MarkSentAsync(NpgsqlConnection connection, Guid id, Instant now, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, "update outbox set sent_at = $2 where id = $1", cancellationToken, id, now.ToDateTimeUtc());

    public static Task CancelAsync(NpgsqlConnection connection, Guid id, string reason, Instant now, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, "update outbox set cancelled_at = $2, last_error = $3 where id = $1", cancellationToken, id, now.ToDateTimeUtc(), reason);

    /// <summary>Records a failed attempt: tried again after the back-off, or cancelled when it was the last allowed.</summary>
    public static Task FailedAsync(NpgsqlConnection connection, Guid id, int attempts, string error, Instant now, CancellationToken cancellationToken)
    {
        var message = error.Length > 2000 ? error[..2000] : error;
        return OutboxRetry.GivesUp(attempts)
            ? ExecuteAsync(connection, "update outbox set attempts = $2, last_error = $3, next_try_at = null, cancelled_at = $4 where id = $1", cancellationToken, id, attempts, message, now.ToDateTimeUtc())
            : ExecuteAsync(connection, "update outbox set attempts = $2, last_error = $3, next_try_at = $4 where id = $1", cancellationToken, id, attempts, message, (now + OutboxRetry.DelayAfter(attempts)).ToDateTimeUtc());
    }

    /// <summary>The appointment and what its reminder says, with its status; null when it does not exist (any more).</summary>
    public static async Task<(string Status, ReminderDetails Details)?> ReminderAsync(NpgsqlConnection connection, Guid appointmentId, CancellationToken cancellationToken)
    {
        const string Sql = """
            select a.status, a.kind, a.step, tp.session_count, a.starts_at, a.ends_at,
                   c.given_name, c.email, c.time_zone,
                   s.name, s.time_zone, s.locale, s.address_line1, s.address_line2, s.city, s.region, s.postal_code, s.country,
                   s.scheduling_settings::text, p.display_name
            from appointments a
            join clients c on c.studio_id = a.studio_id and c.id = a.client_id
            join studios s on s.id = a.studio_id
            join staff_users p on p.studio_id = a.studio_id and p.id = a.practitioner_id
            left join treatment_plans tp on tp.studio_id = a.studio_id and tp.id = a.plan_id
            where a.id = $1
            """;
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = appointmentId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        int? Number(int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);
        var address = new StudioAddress(Text(12), Text(13), Text(14), Text(15), Text(16), Text(17)).OneLine;
        var settings = SchedulingJson.Read(Text(18));
        var details = new ReminderDetails
        {
            Kind = ServiceKindConverter.Parse(reader.GetString(1)),
            Step = Number(2),
            PlanSessions = Number(3),
            Start = Instant.FromDateTimeUtc(reader.GetDateTime(4)),
            End = Instant.FromDateTimeUtc(reader.GetDateTime(5)),
            ClientGivenName = reader.GetString(6),
            ClientEmail = Text(7),
            ClientTimeZone = Text(8),
            StudioName = reader.GetString(9),
            StudioTimeZone = reader.GetString(10),
            StudioLocale = reader.GetString(11),
            StudioAddress = address,
            PractitionerName = reader.GetString(19),
            CancelNoticeHours = settings.CancelNoticeHours,
        };
        return (reader.GetString(0), details);
    }
}

using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;
using NodaTime.Text;
using Stipple.Core.Scheduling;
using Stipple.Data;

namespace Stipple.Web.Features.Scheduling;

/// <summary>
/// Loads what the availability engine needs for a span of local days in two queries: one returns the studio's zone,
/// rules, weekly hours, closures, bookable practitioners, active rooms and time off as a single JSON document; the
/// other the live appointments that overlap the span (the studio's connection setting is made when the connection
/// opens). Row-level security limits both to the request's studio.
/// </summary>
public sealed class CalendarLoader(StippleDbContext db)
{
    private const string ModelSql = """
        select json_build_object(
            'zone', s.time_zone,
            'settings', s.scheduling_settings,
            'hours', coalesce((select json_agg(json_build_object('s', h.staff_id, 'd', h.weekday, 'o', h.opens, 'c', h.closes)) from weekly_hours h), '[]'),
            'closures', coalesce((select json_agg(json_build_object('f', c.starts_on, 't', c.ends_on, 'r', c.reason))
                from closures c where c.ends_on >= $1 and c.starts_on <= $2), '[]'),
            'practitioners', coalesce((select json_agg(json_build_object('id', u.id, 'name', u.display_name) order by u.display_name, u.id)
                from staff_users u where u.takes_bookings and u.is_active), '[]'),
            'rooms', coalesce((select json_agg(json_build_object('id', r.id, 'name', r.name) order by r.name, r.id) from rooms r where r.is_active), '[]'),
            'timeOff', coalesce((select json_agg(json_build_object('s', t.staff_id, 'a', extract(epoch from t.starts_at), 'b', extract(epoch from t.ends_at)))
                from time_off t where t.ends_at > $3 and t.starts_at < $4), '[]'))
        from studios s
        """;

    private const string BusySql = """
        select practitioner_id, room_id, client_id, starts_at, ends_at, blocked_until, id from appointments
        where status <> 'cancelled' and blocked_until > $1 and starts_at < $2
        """;

    /// <summary>
    /// The calendar for local days <paramref name="from"/>..<paramref name="to"/> (inclusive). Busy time of
    /// <paramref name="ignoring"/> (appointments being moved) is left out; <paramref name="clientId"/>'s appointments also
    /// come back as the client's busy time.
    /// </summary>
    public async Task<LoadedCalendar> LoadAsync(LocalDate from, LocalDate to, Guid? clientId, IReadOnlyCollection<Guid> ignoring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ignoring);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Instants a little wider than the days in any zone (offsets lie within ±18 h).
            var start = from.AtMidnight().InUtc().ToInstant() - Duration.FromDays(1);
            var end = to.PlusDays(1).AtMidnight().InUtc().ToInstant() + Duration.FromDays(1);
            string json;
            await using (var model = new NpgsqlCommand(ModelSql, connection))
            {
                model.Parameters.AddWithValue(from.ToDateOnly());
                model.Parameters.AddWithValue(to.ToDateOnly());
                model.Parameters.AddWithValue(start.ToDateTimeUtc());
                model.Parameters.AddWithValue(end.ToDateTimeUtc());
                json = (string)(await model.ExecuteScalarAsync(cancellationToken))!;
            }

            var busy = new List<BusyInterval>();
            var clientBusy = new List<BusyInterval>();
            await using (var appointments = new NpgsqlCommand(BusySql, connection))
            {
                appointments.Parameters.AddWithValue(start.ToDateTimeUtc());
                appointments.Parameters.AddWithValue(end.ToDateTimeUtc());
                await using var reader = await appointments.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (ignoring.Contains(reader.GetGuid(6)))
                    {
                        continue;
                    }

                    var startsAt = Read(reader, 3);
                    var blockedUntil = Read(reader, 5);
                    busy.Add(new BusyInterval(reader.GetGuid(0), startsAt, blockedUntil));
                    busy.Add(new BusyInterval(reader.GetGuid(1), startsAt, blockedUntil));
                    if (clientId is { } client && reader.GetGuid(2) == client)
                    {
                        clientBusy.Add(new BusyInterval(client, startsAt, Read(reader, 4)));
                    }
                }
            }

            return Parse(json, from, to, busy, clientBusy);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The practitioners who take bookings, by name (for choosing one).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> PractitionersAsync(CancellationToken cancellationToken) =>
        await db.StaffUsers.AsNoTracking().Where(u => u.TakesBookings && u.IsActive).OrderBy(u => u.DisplayName)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

    /// <summary>The rooms in use, by name.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> RoomsAsync(CancellationToken cancellationToken) =>
        await db.Rooms.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Name).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);

    private static Instant Read(DbDataReader reader, int ordinal) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    private static LoadedCalendar Parse(string json, LocalDate from, LocalDate to, List<BusyInterval> busy, List<BusyInterval> clientBusy)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(root.GetProperty("zone").GetString()!) ?? DateTimeZone.Utc;
        var settingsElement = root.GetProperty("settings");
        var settings = settingsElement.ValueKind == JsonValueKind.Object
            ? SchedulingJson.Read(settingsElement.GetRawText())
            : SchedulingSettings.Default;

        var studioHours = new List<OpeningInterval>();
        var staffHours = new Dictionary<Guid, List<OpeningInterval>>();
        foreach (var h in root.GetProperty("hours").EnumerateArray())
        {
            var interval = new OpeningInterval((IsoDayOfWeek)h.GetProperty("d").GetInt32(), Time(h.GetProperty("o")), Time(h.GetProperty("c")));
            var staff = h.GetProperty("s");
            if (staff.ValueKind == JsonValueKind.Null)
            {
                studioHours.Add(interval);
            }
            else
            {
                var id = staff.GetGuid();
                if (!staffHours.TryGetValue(id, out var list))
                {
                    staffHours[id] = list = [];
                }

                list.Add(interval);
            }
        }

        var closures = root.GetProperty("closures").EnumerateArray()
            .Select(c => new Closure(Date(c.GetProperty("f")), Date(c.GetProperty("t")), c.GetProperty("r").GetString()!))
            .ToList();
        var practitioners = new List<PractitionerCalendar>();
        var practitionerNames = new Dictionary<Guid, string>();
        foreach (var p in root.GetProperty("practitioners").EnumerateArray())
        {
            var id = p.GetProperty("id").GetGuid();
            practitioners.Add(new PractitionerCalendar(id, staffHours.TryGetValue(id, out var hours) ? hours : []));
            practitionerNames[id] = p.GetProperty("name").GetString()!;
        }

        var roomNames = new Dictionary<Guid, string>();
        var rooms = new List<Guid>();
        foreach (var r in root.GetProperty("rooms").EnumerateArray())
        {
            var id = r.GetProperty("id").GetGuid();
            rooms.Add(id);
            roomNames[id] = r.GetProperty("name").GetString()!;
        }

        foreach (var t in root.GetProperty("timeOff").EnumerateArray())
        {
            busy.Add(new BusyInterval(t.GetProperty("s").GetGuid(), Epoch(t.GetProperty("a")), Epoch(t.GetProperty("b"))));
        }

        var calendar = new Stipple.Core.Scheduling.StudioCalendar(zone, studioHours, closures, practitioners, rooms, busy);
        return new LoadedCalendar(calendar, settings, from, to, practitionerNames, roomNames, clientBusy);
    }

    private static LocalTime Time(JsonElement e) => LocalTimePattern.ExtendedIso.Parse(e.GetString()!).GetValueOrThrow();

    private static LocalDate Date(JsonElement e) => LocalDatePattern.Iso.Parse(e.GetString()!).GetValueOrThrow();

    private static Instant Epoch(JsonElement e) =>
        Instant.FromUnixTimeTicks((long)decimal.Round(decimal.Parse(e.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture) * NodaConstants.TicksPerSecond));
}

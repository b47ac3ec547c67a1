using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Scheduling;
using Stipple.Domain;

namespace Stipple.Data.Seed;

/// <summary>
/// The demo studio a newcomer sees after <c>./stipple run</c>: an owner, two practitioners, a front-desk user, two
/// rooms, a dozen clients, a small pigment catalogue (<see cref="DemoPigments"/>) and a calendar (opening hours, a
/// closure, the practitioners' hours and some time off). Seeded once (its id is fixed);
/// running it again only makes sure the demo API key exists, and gives a demo studio seeded before the catalogue
/// existed its pigments (once: pigments are archived, never deleted).
/// </summary>
public static class DemoStudio
{
    public static readonly Guid StudioId = Guid.Parse("5e1f0000-0000-4000-8000-000000000001");

    public const string Password = "stipple-demo";

    public static IReadOnlyList<(string Email, string Name, StaffRole Role)> Staff { get; } =
    [
        ("owner@demo.stipple.app", "Maya Okafor", StaffRole.Owner),
        ("lena@demo.stipple.app", "Lena Brooks", StaffRole.Practitioner),
        ("tom@demo.stipple.app", "Tomás Ortega", StaffRole.Practitioner),
        ("desk@demo.stipple.app", "Priya Shah", StaffRole.FrontDesk),
    ];

    private static readonly (string Given, string Family, string Email, string Phone)[] Clients =
    [
        ("James", "Whitfield", "james.whitfield@example.com", "+44 7700 900101"),
        ("Daniel", "Osei", "daniel.osei@example.com", "+44 7700 900102"),
        ("Marcus", "Lindqvist", "marcus.lindqvist@example.com", "+44 7700 900103"),
        ("Ahmed", "Rahman", "ahmed.rahman@example.com", "+44 7700 900104"),
        ("Chris", "Donnelly", "chris.donnelly@example.com", "+44 7700 900105"),
        ("Luca", "Bianchi", "luca.bianchi@example.com", "+44 7700 900106"),
        ("Sophie", "Turner", "sophie.turner@example.com", "+44 7700 900107"),
        ("Kwame", "Mensah", "kwame.mensah@example.com", "+44 7700 900108"),
        ("Ryan", "O'Connell", "ryan.oconnell@example.com", "+44 7700 900109"),
        ("Hiroshi", "Tanaka", "hiroshi.tanaka@example.com", "+44 7700 900110"),
        ("Grace", "Adeyemi", "grace.adeyemi@example.com", "+44 7700 900111"),
        ("Mateo", "García", "mateo.garcia@example.com", "+44 7700 900112"),
    ];

    /// <summary>Seeds the demo studio unless it exists; the caller's DbContext must be scoped to <see cref="StudioId"/>.</summary>
    /// <returns>True when it seeded, false when the studio was already there.</returns>
    public static async Task<bool> SeedAsync(StippleDbContext db, Func<string, string> hashPassword, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(hashPassword);
        if (await db.Studios.AnyAsync(s => s.Id == StudioId, cancellationToken))
        {
            if (!await db.Pigments.AnyAsync(cancellationToken))
            {
                DemoPigments.Add(db, StudioId, now);
                await db.SaveChangesAsync(cancellationToken);
            }

            return false;
        }

        var studio = Studio.Create(StudioId, "Northline SMP Studio", "Europe/London", "GBP", "en-GB", now);
        studio.Update(studio.Name, StudioAddress.Create("14 Tanner Street", null, "London", null, "SE1 3LE", "United Kingdom"), "Europe/London", "GBP", "en-GB");
        db.Studios.Add(studio);
        db.WeeklyHours.AddRange(StudioCalendarDefaults.OpeningHours(StudioId));

        for (var i = 0; i < Staff.Count; i++)
        {
            var (email, name, role) = Staff[i];
            var user = StaffUser.Create(StudioId, DeterministicId("staff", i), email, name, role, now);
            user.SetPasswordHash(hashPassword(Password));
            db.StaffUsers.Add(user);
        }

        db.Rooms.Add(Room.Create(StudioId, DeterministicId("room", 0), "Room 1 — Window"));
        db.Rooms.Add(Room.Create(StudioId, DeterministicId("room", 1), "Room 2 — Quiet"));

        for (var i = 0; i < Clients.Length; i++)
        {
            var (given, family, email, phone) = Clients[i];
            // Ages 24 to 57, spread deterministically.
            var born = new LocalDate(1969 + (i * 3 % 34), 1 + (i * 5 % 12), 1 + (i * 7 % 28));
            db.Clients.Add(Client.Create(StudioId, DeterministicId("client", i), new ClientDetails(given, family, email, phone, born), now - Duration.FromDays(3 * (Clients.Length - i))));
        }

        DemoPigments.Add(db, StudioId, now);

        // Staff first: EF does not know that working hours reference staff, so it could insert them before their owners.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        AddCalendar(db, now);
        await db.SaveChangesAsync(cancellationToken);
        AddAppointments(db, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The demo calendar beyond the default opening hours (Mon–Sat 09:00–18:00), relative to <paramref name="now"/> so a
    /// fresh demo always looks current: closed on 25–26 December (this year's, or next year's once this year's have
    /// passed); Lena works Tuesday to Saturday; Tomás Monday to Friday with a lunch break, and takes a week off (Monday to
    /// Monday) about six weeks after the seed.
    /// </summary>
    private static void AddCalendar(StippleDbContext db, Instant now)
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        var today = now.InZone(zone).Date;
        var christmas = new LocalDate(today.Year, 12, 25);
        if (today > christmas.PlusDays(1))
        {
            christmas = christmas.PlusYears(1);
        }

        db.Closures.Add(StudioClosure.Create(StudioId, christmas, christmas.PlusDays(1), "Christmas"));

        var lena = DeterministicId("staff", 1);
        for (var day = IsoDayOfWeek.Tuesday; day <= IsoDayOfWeek.Saturday; day++)
        {
            db.WeeklyHours.Add(WeeklyHours.Create(StudioId, lena, day, new LocalTime(9, 0), new LocalTime(18, 0)));
        }

        var tomas = DeterministicId("staff", 2);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            db.WeeklyHours.Add(WeeklyHours.Create(StudioId, tomas, day, new LocalTime(9, 0), new LocalTime(13, 0)));
            db.WeeklyHours.Add(WeeklyHours.Create(StudioId, tomas, day, new LocalTime(14, 0), new LocalTime(18, 0)));
        }

        var holiday = today.PlusWeeks(6).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Monday));
        db.TimeOff.Add(TimeOff.Create(
            StudioId, tomas, holiday.AtStartOfDayInZone(zone).ToInstant(), holiday.PlusWeeks(1).AtStartOfDayInZone(zone).ToInstant(), "Holiday", null, now));
    }

    /// <summary>
    /// A calendar that looks lived in: a consultation at 15:00 on each of the next ten working days (Lena and Tomás in
    /// turn, in alternate rooms) and Marcus Lindqvist's three-session plan with its healed review, session 1 last week
    /// (completed) and the rest ahead, each at 09:30 with Lena in Room 1, spaced as the default rules say (12, 21 and
    /// 30 days). Cleanup buffers are the default 30 minutes.
    /// </summary>
    private static void AddAppointments(StippleDbContext db, Instant now)
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        var today = now.InZone(zone).Date;
        var lena = DeterministicId("staff", 1);
        var tomas = DeterministicId("staff", 2);
        var rooms = new[] { DeterministicId("room", 0), DeterministicId("room", 1) };
        var buffer = Duration.FromMinutes(30);

        PlacedSession Place(ServiceKind kind, Guid practitioner, Guid room, LocalDate day, LocalTime time, Duration length)
        {
            var start = zone.AtLeniently(day.At(time)).ToInstant();
            return new PlacedSession(0, kind, practitioner, room, day.At(time), start, start + length, start + length + buffer);
        }

        static LocalDate Working(LocalDate day, IsoDayOfWeek first, IsoDayOfWeek last)
        {
            while (day.DayOfWeek < first || day.DayOfWeek > last)
            {
                day = day.PlusDays(1);
            }

            return day;
        }

        var consultationDay = today;
        for (var i = 0; i < 10; i++)
        {
            var withLena = i % 2 == 0;
            consultationDay = withLena
                ? Working(consultationDay.PlusDays(1), IsoDayOfWeek.Tuesday, IsoDayOfWeek.Saturday)
                : Working(consultationDay.PlusDays(1), IsoDayOfWeek.Monday, IsoDayOfWeek.Friday);
            var placed = Place(ServiceKind.Consultation, withLena ? lena : tomas, rooms[(i + 1) % 2], consultationDay, new LocalTime(15, 0), Duration.FromMinutes(30));
            db.Appointments.Add(Appointment.Book(StudioId, DeterministicId("client", 3 + i), null, null, placed, null, now));
        }

        var marcus = DeterministicId("client", 2);
        var plan = TreatmentPlan.Create(StudioId, marcus, null, null, 3, true, "Demo plan", null, now);
        db.TreatmentPlans.Add(plan);
        var first = Working(today.PlusDays(-7), IsoDayOfWeek.Tuesday, IsoDayOfWeek.Saturday);
        var days = new[] { first, Working(first.PlusDays(12), IsoDayOfWeek.Tuesday, IsoDayOfWeek.Saturday) }.ToList();
        days.Add(Working(days[1].PlusDays(21), IsoDayOfWeek.Tuesday, IsoDayOfWeek.Saturday));
        days.Add(Working(days[2].PlusDays(30), IsoDayOfWeek.Tuesday, IsoDayOfWeek.Saturday));
        var kinds = new[] { ServiceKind.FirstSession, ServiceKind.FollowUpSession, ServiceKind.FollowUpSession, ServiceKind.HealedReview };
        var lengths = new[] { Duration.FromHours(4), Duration.FromHours(3), Duration.FromHours(3), Duration.FromMinutes(30) };
        for (var step = 0; step < 4; step++)
        {
            var placed = Place(kinds[step], lena, rooms[0], days[step], new LocalTime(9, 30), lengths[step]);
            var appointment = Appointment.Book(StudioId, marcus, plan.Id, step + 1, placed, null, now - Duration.FromDays(14));
            if (appointment.StartsAt < now)
            {
                appointment.Complete(now);
            }

            db.Appointments.Add(appointment);
        }
    }

    /// <summary>Makes sure an active API key with exactly this value exists for the demo studio.</summary>
    public static async Task EnsureApiKeyAsync(StippleDbContext db, string apiKey, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var parsed = ApiKeyFormat.Parse(apiKey) ?? throw new ArgumentException("The demo API key must look like stp_<prefix>_<secret>.", nameof(apiKey));
        var existing = await db.ApiKeys.FirstOrDefaultAsync(k => k.Prefix == parsed.Prefix, cancellationToken);
        var hash = ApiKeyFormat.Hash(apiKey);
        if (existing is not null && existing.IsActive && CryptographicOperations.FixedTimeEquals(existing.SecretHash, hash))
        {
            return;
        }

        if (existing is not null)
        {
            db.ApiKeys.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ApiKeys.Add(ApiKey.Create(StudioId, Guid.NewGuid(), "Demo key", parsed.Prefix, hash, null, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static Guid DeterministicId(string kind, int index)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"stipple-demo/{kind}/{index}"));
        return new Guid(bytes.AsSpan(0, 16));
    }
}

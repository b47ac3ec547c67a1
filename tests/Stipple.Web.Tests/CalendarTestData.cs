using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Scheduling;
using Stipple.Domain;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>
/// Appointments written straight into a test studio (the booking flow is tested on its own): a placed session built by
/// hand from a wall-clock time in the studio's zone (Europe/London for test studios), booked with its history line.
/// </summary>
public static class CalendarTestData
{
    public static DateTimeZone London { get; } = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>Books one appointment starting at <paramref name="localStart"/> (London) and returns its id.</summary>
    public static async Task<Guid> BookAsync(
        StippleAppFactory app, Guid studioId, Guid clientId, Guid practitionerId, Guid roomId, ServiceKind kind, LocalDateTime localStart,
        int minutes, int bufferMinutes = 30, Guid? planId = null, int? step = null, Guid? bookedBy = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var start = London.AtLeniently(localStart).ToInstant();
        return await BookAtAsync(app, studioId, clientId, practitionerId, roomId, kind, start, start + Duration.FromMinutes(minutes), bufferMinutes, planId, step, bookedBy);
    }

    /// <summary>Books one appointment over the given instants (e.g. across a daylight-saving change) and returns its id.</summary>
    public static async Task<Guid> BookAtAsync(
        StippleAppFactory app, Guid studioId, Guid clientId, Guid practitionerId, Guid roomId, ServiceKind kind, Instant start, Instant end,
        int bufferMinutes = 30, Guid? planId = null, int? step = null, Guid? bookedBy = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var placed = new PlacedSession(step ?? 1, kind, practitionerId, roomId, start.InZone(London).LocalDateTime, start, end, end + Duration.FromMinutes(bufferMinutes));
        var appointment = Appointment.Book(studioId, clientId, planId, step, placed, bookedBy, SystemClock.Instance.GetCurrentInstant());
        await app.InStudioAsync(studioId, async db =>
        {
            db.Appointments.Add(appointment);
            db.AppointmentEvents.Add(AppointmentEvent.Record(appointment, AppointmentEventKind.Booked, bookedBy, appointment.BookedAt));
            return await db.SaveChangesAsync();
        });
        return appointment.Id;
    }

    /// <summary>A booked plan of <paramref name="sessions"/> sessions (no appointments yet) for the client; returns its id.</summary>
    public static async Task<Guid> PlanAsync(StippleAppFactory app, Guid studioId, Guid clientId, int sessions = 3)
    {
        ArgumentNullException.ThrowIfNull(app);
        var plan = TreatmentPlan.Create(studioId, clientId, null, null, sessions, healedReview: true, null, null, SystemClock.Instance.GetCurrentInstant());
        await app.InStudioAsync(studioId, async db =>
        {
            db.TreatmentPlans.Add(plan);
            return await db.SaveChangesAsync();
        });
        return plan.Id;
    }

    public static Task CancelAsync(StippleAppFactory app, Guid studioId, Guid appointmentId) =>
        ChangeAsync(app, studioId, appointmentId, (appointment, now) => appointment.Cancel(now, lateNotice: false), AppointmentEventKind.Cancelled);

    public static Task CompleteAsync(StippleAppFactory app, Guid studioId, Guid appointmentId) =>
        ChangeAsync(app, studioId, appointmentId, (appointment, now) => appointment.Complete(now), AppointmentEventKind.Completed);

    /// <summary>A second practitioner who takes bookings; returns their id.</summary>
    public static async Task<Guid> AddPractitionerAsync(StippleAppFactory app, Guid studioId, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        var user = StaffUser.Create(studioId, Guid.NewGuid(), $"{Guid.NewGuid():N}@example.com", name, StaffRole.Practitioner, SystemClock.Instance.GetCurrentInstant());
        await app.InStudioAsync(studioId, async db =>
        {
            db.StaffUsers.Add(user);
            return await db.SaveChangesAsync();
        });
        return user.Id;
    }

    public static async Task<Guid> AddRoomAsync(StippleAppFactory app, Guid studioId, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        var room = Room.Create(studioId, Guid.NewGuid(), name);
        await app.InStudioAsync(studioId, async db =>
        {
            db.Rooms.Add(room);
            return await db.SaveChangesAsync();
        });
        return room.Id;
    }

    /// <summary>The test studio's one room.</summary>
    public static Task<Guid> RoomAsync(StippleAppFactory app, Guid studioId)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.InStudioAsync(studioId, db => db.Rooms.Where(r => r.Name == "Room A").Select(r => r.Id).SingleAsync());
    }

    private static async Task ChangeAsync(StippleAppFactory app, Guid studioId, Guid appointmentId, Action<Appointment, Instant> change, AppointmentEventKind kind)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.InStudioAsync(studioId, async db =>
        {
            var appointment = await db.Appointments.SingleAsync(a => a.Id == appointmentId);
            var now = SystemClock.Instance.GetCurrentInstant();
            change(appointment, now);
            db.AppointmentEvents.Add(AppointmentEvent.Record(appointment, kind, null, now));
            return await db.SaveChangesAsync();
        });
    }
}

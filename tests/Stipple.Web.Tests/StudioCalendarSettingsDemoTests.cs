using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Data.Seed;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>The demo studio's calendar: a closure at Christmas, the practitioners' own hours and a week of time off.</summary>
public sealed class StudioCalendarSettingsDemoTests(StudioCalendarSettingsDemoTests.DemoAppFactory app) : IClassFixture<StudioCalendarSettingsDemoTests.DemoAppFactory>
{
    [Fact]
    public async Task The_demo_studio_has_a_christmas_closure_practitioners_hours_and_time_off()
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        var (closures, hours, timeOff) = await app.InStudioAsync(DemoStudio.StudioId, async db => (
            await db.Closures.AsNoTracking().ToListAsync(),
            await db.WeeklyHours.AsNoTracking().ToListAsync(),
            await db.TimeOff.AsNoTracking().ToListAsync()));

        var closure = closures.ShouldHaveSingleItem();
        (closure.StartsOn.Month, closure.StartsOn.Day, closure.EndsOn.Day).ShouldBe((12, 25, 26));
        closure.EndsOn.ShouldBeGreaterThanOrEqualTo(CareTestData.Today());

        var staff = await app.InStudioAsync(DemoStudio.StudioId, db => db.StaffUsers.AsNoTracking().ToDictionaryAsync(u => u.DisplayName, u => u.Id));
        hours.Count(h => h.StaffId == null).ShouldBe(6);
        hours.Where(h => h.StaffId == staff["Lena Brooks"]).Select(h => h.Weekday).Order()
            .ShouldBe([IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday]);
        var tomas = hours.Where(h => h.StaffId == staff["Tomás Ortega"]).ToList();
        tomas.Count.ShouldBe(10, "Monday to Friday with a lunch break");
        tomas.ShouldAllBe(h => h.Weekday <= IsoDayOfWeek.Friday);

        var off = timeOff.ShouldHaveSingleItem();
        off.StaffId.ShouldBe(staff["Tomás Ortega"]);
        var starts = off.StartsAt.InZone(zone);
        starts.DayOfWeek.ShouldBe(IsoDayOfWeek.Monday);
        starts.TimeOfDay.ShouldBe(LocalTime.Midnight);
        off.EndsAt.InZone(zone).LocalDateTime.ShouldBe(starts.LocalDateTime.PlusWeeks(1));
        Period.DaysBetween(CareTestData.Today(), starts.Date).ShouldBeInRange(42, 49);
    }

    /// <summary>The app with the demo studio seeded at start-up.</summary>
    public sealed class DemoAppFactory : StippleAppFactory
    {
        protected override bool SeedDemo => true;
    }
}

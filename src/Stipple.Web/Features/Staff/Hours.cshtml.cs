using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Stipple.Domain;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.StudioCalendar;
using Stipple.Web.Infrastructure;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Staff;

/// <summary>
/// One member of staff's working hours and time off. Owners edit anyone's and decide who takes bookings; everyone else
/// may open and edit only their own page (anyone else's is refused).
/// </summary>
public sealed class HoursModel(PractitionerHoursService practitioners, WeeklyHoursService hours, StudioClock clock) : PageModel
{
    /// <summary>How long past time off stays listed.</summary>
    public static readonly Duration PastShown = Duration.FromDays(90);

    public StaffCalendarDto Member { get; private set; } = null!;

    public bool IsOwner => User.IsInRole(StaffRoles.Owner);

    public bool IsSelf => User.UserId() == Member.Id;

    /// <summary>True when the member has their own working hours; false when they work whenever the studio is open.</summary>
    public bool OwnHours { get; private set; }

    public WeekInput Week { get; private set; } = new();

    public IReadOnlyList<HoursInterval> StudioHours { get; private set; } = [];

    public TimeOffInput TimeOff { get; private set; } = new();

    public IReadOnlyList<TimeOffDto> TimeOffList { get; private set; } = [];

    public StudioClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await OpenAsync(id, cancellationToken) ?? await ShowAsync(loadWeek: true, cancellationToken);

    public async Task<IActionResult> OnPostHoursAsync(Guid id, string? mode, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        OwnHours = string.Equals(mode, "own", StringComparison.Ordinal);
        Week = WeekInput.Read(Request.Form);
        var keys = new List<(int Day, int Slot)>();
        var errors = new FieldErrors();
        var intervals = OwnHours ? Week.ToIntervals(keys, errors) : [];
        if (OwnHours && !errors.Any && intervals.Count == 0)
        {
            errors.Add("", "Tick at least one day, or choose \u201cWhenever the studio is open\u201d.");
        }

        if (!errors.Any)
        {
            var result = await practitioners.ReplaceHoursAsync(id, intervals, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Flash"] = OwnHours ? $"{Member.DisplayName}'s working hours saved." : $"{Member.DisplayName} now works whenever the studio is open.";
                return RedirectToPage(new { id });
            }

            errors = result.Errors!;
        }

        errors.CopyTo(ModelState, key => WeekInput.KeyFor(key, keys));
        return await ShowAsync(loadWeek: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostBookingsAsync(Guid id, bool takesBookings, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!IsOwner)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        await practitioners.SetTakesBookingsAsync(id, takesBookings, cancellationToken);
        TempData["Flash"] = takesBookings ? $"{Member.DisplayName} takes bookings." : $"{Member.DisplayName} no longer takes new bookings.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAddTimeOffAsync(Guid id, [FromForm(Name = "TimeOff")] TimeOffInput timeOff, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await practitioners.AddTimeOffAsync(id, timeOff, User.UserId(), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            TimeOff = timeOff;
            result.Errors!.CopyTo(ModelState, "TimeOff");
            return await ShowAsync(loadWeek: true, cancellationToken);
        }

        await clock.LoadAsync(cancellationToken);
        var added = result.Value!;
        TempData["Flash"] = string.Join(" ", [$"Time off added: {clock.FormatDateTime(added.TimeOff.StartsAt)} to {clock.FormatDateTime(added.TimeOff.EndsAt)}.", .. added.Notes]);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteTimeOffAsync(Guid id, Guid timeOffId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!await practitioners.DeleteTimeOffAsync(id, timeOffId, cancellationToken))
        {
            return NotFound();
        }

        TempData["Flash"] = "Time off removed.";
        return RedirectToPage(new { id });
    }

    /// <summary>Loads the member, or the answer when the page may not be opened: refused for someone else's page, not found for no such member.</summary>
    private async Task<IActionResult?> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsOwner && User.UserId() != id)
        {
            return Forbid();
        }

        var member = await practitioners.FindAsync(id, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        Member = member;
        return null;
    }

    private async Task<IActionResult> ShowAsync(bool loadWeek, CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        StudioHours = await hours.GetAsync(null, cancellationToken);
        if (loadWeek)
        {
            var own = await hours.GetAsync(Member.Id, cancellationToken);
            OwnHours = own.Count > 0;
            Week = WeekInput.From(own.Count > 0 ? own : StudioHours);
        }

        TimeOffList = await practitioners.TimeOffAsync(Member.Id, clock.Now.ToInstant() - PastShown, cancellationToken);
        return Page();
    }
}

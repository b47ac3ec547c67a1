using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Core.Scheduling;
using Stipple.Web.Features.Scheduling;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Settings;

/// <summary>The owner's booking rules (<see cref="SchedulingSettings"/>): service lengths, spacing, reminders and notice.</summary>
[Authorize(Policy = Policies.Owner)]
public sealed class BookingModel(SchedulingSettingsService scheduling) : PageModel
{
    /// <summary>The values as typed (text, so a typo is shown back with its error rather than lost).</summary>
    [BindProperty]
    public IDictionary<string, string?> Values { get; set; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Values = BookingRulesForm.Show(await scheduling.GetAsync(cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var current = await scheduling.GetAsync(cancellationToken);
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        var candidate = BookingRulesForm.Read(Values, current, unreadable);
        foreach (var (field, message) in unreadable)
        {
            ModelState.AddModelError(field, message);
        }

        // The values that could be read are checked too, so every problem shows at once; nothing is saved while any remains.
        var issues = candidate.Validate();
        foreach (var issue in issues)
        {
            var field = BookingRulesForm.FieldFor(issue.Field);
            if (!unreadable.ContainsKey(field))
            {
                AddIssue(field, Reworded(issue.Field, issue.Message, candidate));
            }
        }

        if (unreadable.Count > 0 || issues.Count > 0)
        {
            return Page();
        }

        var result = await scheduling.SaveAsync(candidate, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors!.CopyTo(ModelState, BookingRulesForm.FieldFor); // the service checks the same rules: a guard
            return Page();
        }

        TempData["Flash"] = "Booking rules saved. New proposals and bookings follow them; appointments already booked stay as they are.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        await scheduling.SaveAsync(SchedulingSettings.Default, cancellationToken);
        TempData["Flash"] = "Booking rules reset to the defaults.";
        return RedirectToPage();
    }

    /// <summary>How many fields have an error (the page says so above the form).</summary>
    public int ErrorCount => ModelState.Count(e => e.Value is { Errors.Count: > 0 });

    // The list-wide reminder messages read badly after the field's name ("Reminders takes…"): say them whole.
    private static string Reworded(string key, string message, SchedulingSettings candidate) =>
        string.Equals(key, "reminderHoursBefore", StringComparison.Ordinal)
            ? candidate.ReminderHoursBefore.Count > 4
                ? $"Give at most four reminder times (there are {candidate.ReminderHoursBefore.Count})."
                : "Each reminder time may be given only once."
            : message;

    private void AddIssue(string field, string message)
    {
        var name = BookingRulesForm.All.FirstOrDefault(f => string.Equals(f.Name, field, StringComparison.Ordinal))?.ErrorName;
        var text = message.Length > 0 && char.IsLower(message[0]) && name is not null ? $"{name} {message}." : message;
        if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Any(e => string.Equals(e.ErrorMessage, text, StringComparison.Ordinal)))
        {
            return;
        }

        ModelState.AddModelError(field, text);
    }
}

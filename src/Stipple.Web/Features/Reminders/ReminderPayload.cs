using System.Text.Json.Serialization;

namespace Stipple.Web.Features.Reminders;

/// <summary>
/// An appointment reminder in the outbox: which appointment, how many hours before, and the start it was enqueued for
/// (Unix seconds). The dispatcher sends nothing when the appointment has since moved or been cancelled.
/// </summary>
public sealed record ReminderPayload(
    [property: JsonPropertyName("appointmentId")] Guid AppointmentId,
    [property: JsonPropertyName("hoursBefore")] int HoursBefore,
    [property: JsonPropertyName("startsAt")] long StartsAtUnixSeconds);

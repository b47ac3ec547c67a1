namespace Stipple.Web.Features.Calendar;

/// <summary>One line of an appointment's history (appointment_events), written out in the studio's zone.</summary>
public sealed record AppointmentHistoryEntry(string What, string AtText, string? ByName, string? Detail, bool LateNotice, string Reason);

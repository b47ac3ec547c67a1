using System.ComponentModel.DataAnnotations;
using NodaTime;
using Stipple.Core.Care;
using Stipple.Core.Colour;
using Stipple.Web.Features.Clients;

namespace Stipple.Web.Features.Consultations;

/// <summary>A consultation in a client's list.</summary>
public sealed record ConsultationSummary(Guid Id, Guid ClientId, LocalDate HeldOn, string? Practitioner, ScreeningOutcome? Outcome);

/// <summary>Everything the consultation page shows except photos and consents (their own panels load those).</summary>
public sealed record ConsultationDetails(
    Guid Id,
    ClientDto Client,
    LocalDate HeldOn,
    Guid? PractitionerId,
    string? Practitioner,
    Guid? IntakeId,
    Instant? IntakeAt,
    Intake? Intake,
    ScreeningResult? Screening,
    string? Notes,
    Guid? PigmentId,
    string? PigmentName,
    Dilution? PigmentDilution);

/// <summary>Starting a consultation: the day (ISO date; the studio's today when empty) and the practitioner.</summary>
public sealed class ConsultationInput
{
    [StringLength(32)]
    public string? HeldOn { get; set; }

    public Guid? PractitionerId { get; set; }
}

/// <summary>The chosen pigment and dilution (e.g. 1:2) for the consultation's record.</summary>
public sealed record PigmentChoiceInput(Guid? PigmentId, [property: StringLength(16)] string? Dilution);

/// <summary>The result of submitting an intake: its id and its screening.</summary>
public sealed record IntakeOutcome(Guid IntakeId, ScreeningResult Screening);

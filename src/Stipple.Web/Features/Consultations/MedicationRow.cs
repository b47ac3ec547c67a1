using System.ComponentModel.DataAnnotations;
using Stipple.Core.Care;

namespace Stipple.Web.Features.Consultations;

/// <summary>One medicine row of the intake form: ticked when the client takes or took it.</summary>
public sealed class MedicationRow
{
    public MedicationKind Kind { get; set; }

    public bool Taken { get; set; }

    [StringLength(120)]
    public string? Name { get; set; }

    [StringLength(32)]
    public string? StartedOn { get; set; }

    [StringLength(32)]
    public string? StoppedOn { get; set; }
}

using Stipple.Core.Design;

namespace Stipple.Web.Features.DesignStudio;

/// <summary>The templates a design starts from in the studio, and their names on screen.</summary>
public static class DesignStudioTemplates
{
    /// <summary>
    /// Zones start this far ahead of the template's hairline (mm), so the practitioner can bring the line 2 cm forward
    /// without a strip that no zone covers; only the part behind the line takes dots.
    /// </summary>
    public const double LeadMm = 20;

    public static DesignDocument Create(TemplateKind kind) => DesignTemplates.Create(kind, leadMm: LeadMm);

    public static string Label(TemplateKind kind) => kind switch
    {
        TemplateKind.MaleMature => "Male, mature hairline",
        TemplateKind.MaleJuvenile => "Male, juvenile hairline",
        _ => "Female",
    };
}

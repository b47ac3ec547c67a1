using Stipple.Core.Design;
using Stipple.Core.Rendering;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Design;

/// <summary>The preview page's choices, as typed in its query string; anything unreadable falls back to a default with a field error.</summary>
public sealed record PreviewQuery
{
    public string? Kind { get; init; }

    public string? Look { get; init; }

    public string? Years { get; init; }

    public string? Session { get; init; }

    public TemplateKind TemplateOr(FieldErrors errors)
    {
        if (string.IsNullOrEmpty(Kind))
        {
            return TemplateKind.MaleMature;
        }

        if (DesignTemplates.TryParse(Kind, out var kind))
        {
            return kind;
        }

        errors.Add("kind", "Choose one of the templates.");
        return TemplateKind.MaleMature;
    }

    public RenderOptions OptionsOr(FieldErrors errors, int sessions)
    {
        var look = Core.Rendering.Look.Healed;
        if (!string.IsNullOrEmpty(Look) && !Enum.TryParse(Look, ignoreCase: true, out look))
        {
            errors.Add("look", "Choose fresh, healed or aged.");
            look = Core.Rendering.Look.Healed;
        }

        double years = 0;
        if (look == Core.Rendering.Look.Aged)
        {
            years = 4;
            if (!string.IsNullOrEmpty(Years)
                && (!double.TryParse(Years, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out years)
                    || years is < 0 or > RenderOptions.MaxYears))
            {
                errors.Add("years", $"Years must be 0–{RenderOptions.MaxYears}.");
                years = 4;
            }
        }

        int? session = null;
        if (!string.IsNullOrEmpty(Session) && !string.Equals(Session, "all", StringComparison.OrdinalIgnoreCase))
        {
            if (int.TryParse(Session, System.Globalization.CultureInfo.InvariantCulture, out var k) && k >= 1 && k <= sessions)
            {
                session = k;
            }
            else
            {
                errors.Add("session", $"Choose a session from 1 to {sessions}.");
            }
        }

        return new RenderOptions { Look = look, Years = years, Session = session };
    }
}

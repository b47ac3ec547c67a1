namespace Stipple.Web.Features.Design;

/// <summary>What <c>POST /api/v1/design/render</c> answers with, chosen by the Accept header (<see cref="DesignFormats"/>).</summary>
public enum DesignFormat
{
    /// <summary><c>application/json</c>: the design report (schema stipple.design-report/1).</summary>
    Report,

    /// <summary><c>image/png</c>: the raster preview.</summary>
    Png,

    /// <summary><c>image/svg+xml</c>: the vector preview.</summary>
    Svg,

    /// <summary><c>application/octet-stream</c>: the dots, 16 bytes each (docs/design-format.md).</summary>
    Dots,
}

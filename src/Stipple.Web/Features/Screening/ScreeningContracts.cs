using NodaTime;
using Stipple.Core.Care;

namespace Stipple.Web.Features.Screening;

/// <summary>An intake to screen, and the day to judge it for (the studio's today when omitted).</summary>
public sealed record ScreeningRequest(Intake? Intake, LocalDate? On);

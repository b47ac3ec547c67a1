using NodaTime;

namespace Stipple.Web.Features.StudioCalendar;

/// <summary>Whole local days the studio is closed, <see cref="StartsOn"/> to <see cref="EndsOn"/> inclusive.</summary>
public sealed record ClosureDto(Guid Id, LocalDate StartsOn, LocalDate EndsOn, string Reason);

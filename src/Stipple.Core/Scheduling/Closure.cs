using NodaTime;

namespace Stipple.Core.Scheduling;

/// <summary>Whole local days the studio is closed (a holiday, a refit), <see cref="From"/> to <see cref="To"/> inclusive.</summary>
public sealed record Closure(LocalDate From, LocalDate To, string Reason);

using NodaTime;

namespace Stipple.Core.Scheduling;

/// <summary>
/// A weekly interval of local wall-clock time, e.g. Tuesday 09:00–18:00; a day may have several (a lunch break makes
/// two). <see cref="Closes"/> is after <see cref="Opens"/> on the same day (no interval crosses midnight).
/// </summary>
public sealed record OpeningInterval(IsoDayOfWeek Day, LocalTime Opens, LocalTime Closes);

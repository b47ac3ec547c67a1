using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Stipple.Data.Conversions;

/// <summary><see cref="LocalTime"/> ↔ <see cref="TimeOnly"/> (PostgreSQL time).</summary>
public sealed class LocalTimeConverter() : ValueConverter<LocalTime, TimeOnly>(
    t => t.ToTimeOnly(),
    t => LocalTime.FromTimeOnly(t));

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Stipple.Data.Conversions;

/// <summary><see cref="LocalDate"/> ↔ <see cref="DateOnly"/> (PostgreSQL date).</summary>
public sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(
    d => d.ToDateOnly(),
    d => LocalDate.FromDateOnly(d));

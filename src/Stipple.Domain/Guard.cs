using System.Globalization;
using System.Net.Mail;

namespace Stipple.Domain;

/// <summary>Validating helpers shared by the entities' factories; each failure names the field.</summary>
public static class Guard
{
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = (value ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException(field, "is required.");
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException(field, string.Create(CultureInfo.InvariantCulture, $"must be at most {maxLength} characters."));
        }

        return trimmed;
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        var trimmed = (value ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        return Required(trimmed, field, maxLength);
    }

    /// <summary>A plausible e-mail address, normalised to lower case (addresses are compared case-insensitively).</summary>
    public static string Email(string? value, string field)
    {
        var trimmed = Required(value, field, 254);
        if (!MailAddress.TryCreate(trimmed, out var parsed) || !string.Equals(parsed.Address, trimmed, StringComparison.OrdinalIgnoreCase) || !trimmed.Contains('.', StringComparison.Ordinal))
        {
            throw new DomainException(field, "is not a valid e-mail address.");
        }

        return trimmed.ToLowerInvariant();
    }

    public static string? OptionalEmail(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : Email(value, field);

    /// <summary>A phone number as people write it: digits with optional +, spaces, dashes, dots and brackets.</summary>
    public static string? OptionalPhone(string? value, string field)
    {
        var trimmed = Optional(value, field, 32);
        if (trimmed is null)
        {
            return null;
        }

        var digits = trimmed.Count(char.IsAsciiDigit);
        if (digits < 6 || trimmed.Any(c => !(char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '.' or '(' or ')')))
        {
            throw new DomainException(field, "is not a valid phone number.");
        }

        return trimmed;
    }
}

using Microsoft.AspNetCore.Mvc.ModelBinding;
using Stipple.Domain;

namespace Stipple.Web.Infrastructure;

/// <summary>
/// Validation messages by field (camelCase, as the API and the forms name inputs). The same errors become inline form
/// messages on pages and RFC 9457 problem details on the API.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Adds every message of <paramref name="other"/>.</summary>
    public void Add(FieldErrors other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (field, messages) in other.errors)
        {
            foreach (var message in messages)
            {
                Add(field, message);
            }
        }
    }

    /// <summary>Runs one domain check and records its error instead of throwing, so a form reports every bad field at once.</summary>
    public T? Check<T>(Func<T> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            return check();
        }
        catch (DomainException ex)
        {
            Add(ex.Field, Describe(ex));
            return default;
        }
    }

    public static FieldErrors From(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var result = new FieldErrors();
        result.Add(exception.Field, Describe(exception));
        return result;
    }

    /// <summary>"Email is not a valid e-mail address." from field "email" and message "is not a valid…".</summary>
    public static string Describe(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        if (exception.Field.Length == 0 || !char.IsLower(message[0]))
        {
            return message;
        }

        return $"{Humanise(exception.Field)} {message}";
    }

    /// <summary>The first message for <paramref name="field"/>, or null when it has none.</summary>
    public string? MessageFor(string field) => errors.TryGetValue(field, out var messages) && messages.Count > 0 ? messages[0] : null;

    public IDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// Copies the errors into a page's model state; <paramref name="prefix"/> is the bound input object's property name
    /// (e.g. "Input"), or null when the fields are bound directly on the page.
    /// </summary>
    public void CopyTo(ModelStateDictionary modelState, string? prefix) =>
        CopyTo(modelState, field =>
        {
            var property = field.Length == 0 ? "" : $"{char.ToUpperInvariant(field[0])}{field[1..]}";
            return field.Length == 0 || prefix is null ? property : $"{prefix}.{property}";
        });

    /// <summary>
    /// Copies the errors into a page's model state under the key <paramref name="keyFor"/> gives each field, for forms
    /// whose fields are named differently from the service's (e.g. "skin.hex" shown at "Input.SkinHex"); "" is the page
    /// as a whole.
    /// </summary>
    public void CopyTo(ModelStateDictionary modelState, Func<string, string> keyFor)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(keyFor);
        foreach (var (field, messages) in errors)
        {
            var key = keyFor(field);
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }

    private static string Humanise(string field)
    {
        var words = new System.Text.StringBuilder();
        foreach (var c in field)
        {
            if (char.IsUpper(c) || char.IsDigit(c))
            {
                words.Append(' ');
            }

            words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return words.ToString().Replace("e mail", "e-mail", StringComparison.Ordinal);
    }
}

namespace Stipple.Web.Infrastructure;

/// <summary>What a feature service returns: a value, or field errors, or "not found" (also when another studio owns it).</summary>
public sealed class Result<T>
{
    private Result(T? value, FieldErrors? errors, bool notFound)
    {
        Value = value;
        Errors = errors;
        NotFound = notFound;
    }

    public T? Value { get; }

    public FieldErrors? Errors { get; }

    public bool NotFound { get; }

    public bool Succeeded => Errors is null && !NotFound;

    public static Result<T> Ok(T value) => new(value, null, false);

    public static Result<T> Invalid(FieldErrors errors) => new(default, errors, false);

    public static Result<T> Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return new(default, errors, false);
    }

    public static Result<T> Missing() => new(default, null, true);
}

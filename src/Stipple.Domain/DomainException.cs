namespace Stipple.Domain;

/// <summary>
/// A rule of the domain was broken by a value a person or a caller supplied.
/// <see cref="Field"/> names the input (camelCase, as forms and the API spell it) so the error can be shown beside it.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public DomainException()
        : this("", "A domain rule was broken.")
    {
    }

    public DomainException(string message)
        : this("", message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "";
    }

    public string Field { get; } = "";
}

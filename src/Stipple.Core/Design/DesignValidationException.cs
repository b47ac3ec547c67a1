namespace Stipple.Core.Design;

/// <summary>Thrown when a design that fails <see cref="DesignValidator"/> is given to the engine.</summary>
public sealed class DesignValidationException : Exception
{
    public DesignValidationException(IReadOnlyList<DesignIssue> errors)
        : base(errors.Count == 0 ? "The design is invalid." : $"{errors[0].Field}: {errors[0].Message}")
    {
        Errors = errors;
    }

    public DesignValidationException()
        : this([])
    {
    }

    public DesignValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public DesignValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Every error found, each naming its field.</summary>
    public IReadOnlyList<DesignIssue> Errors { get; }
}

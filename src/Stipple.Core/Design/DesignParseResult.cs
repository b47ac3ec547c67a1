namespace Stipple.Core.Design;

/// <summary>The outcome of reading a design: the document, or the errors that stop it (each naming its field).</summary>
public sealed record DesignParseResult
{
    private DesignParseResult(DesignDocument? document, IReadOnlyList<DesignIssue> errors, IReadOnlyList<DesignIssue> warnings)
    {
        Document = document;
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>The valid document, or null when there are errors.</summary>
    public DesignDocument? Document { get; }

    /// <summary>Errors; empty when the document is valid.</summary>
    public IReadOnlyList<DesignIssue> Errors { get; }

    /// <summary>Advice about a valid document.</summary>
    public IReadOnlyList<DesignIssue> Warnings { get; }

    /// <summary>True when <see cref="Document"/> is usable.</summary>
    public bool IsValid => Document is not null;

    internal static DesignParseResult Valid(DesignDocument document, IReadOnlyList<DesignIssue> warnings) => new(document, [], warnings);

    internal static DesignParseResult Invalid(IReadOnlyList<DesignIssue> errors) => new(null, errors, []);
}

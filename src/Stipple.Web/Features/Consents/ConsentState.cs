namespace Stipple.Web.Features.Consents;

/// <summary>Where a client stands with one kind of consent.</summary>
public enum ConsentState
{
    /// <summary>Never signed.</summary>
    NotSigned,

    /// <summary>Signed, but against an older version of the text: ask again.</summary>
    AskAgain,

    /// <summary>Signed against the current version of the text.</summary>
    UpToDate,
}

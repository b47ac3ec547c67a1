namespace Stipple.Web.Features.Consents;

/// <summary>
/// One kind of consent for one client: the studio's current text, and the consent the client signed most recently
/// (against the current text when there is one, else the latest of any version).
/// </summary>
public sealed record ConsentStatus(ConsentTemplateDto Current, ClientConsentDto? Latest)
{
    public ConsentState State => Latest switch
    {
        null => ConsentState.NotSigned,
        { Current: true } => ConsentState.UpToDate,
        _ => ConsentState.AskAgain,
    };
}

using NodaTime;

namespace Stipple.Web.Documents;

/// <summary>Everything printed on a signed consent, already formatted for people (see <see cref="ConsentPdf"/>).</summary>
/// <param name="StudioName">The studio, printed above the title and recorded as the PDF's author.</param>
/// <param name="Title">The consent template's title.</param>
/// <param name="Kind">What the consent is for, e.g. "SMP treatment".</param>
/// <param name="TemplateVersion">The template version the client signed (1 or more).</param>
/// <param name="ContentHash">SHA-256 of the signed text, as hex.</param>
/// <param name="Body">The full consent text: paragraphs separated by blank lines, "- " lines as bullets (<see cref="PlainText"/>).</param>
/// <param name="ClientName">The client's name as on their record.</param>
/// <param name="ClientDateOfBirth">The client's date of birth, formatted.</param>
/// <param name="TypedName">The name the client typed when signing.</param>
/// <param name="SignaturePng">The drawn signature as a PNG (transparent background).</param>
/// <param name="SignedAt">When the consent was signed; recorded as the PDF's creation date.</param>
/// <param name="SignedAtLocal">The same moment formatted in the studio's time zone, e.g. "21 November 2026, 14:05 (Europe/London)".</param>
/// <param name="IpAddress">The address the signature came from.</param>
/// <param name="UserAgent">The signing browser's user agent.</param>
/// <param name="ConsentId">The signed consent's id, printed in every page footer.</param>
public sealed record ConsentPdfModel(
    string StudioName,
    string Title,
    string Kind,
    int TemplateVersion,
    string ContentHash,
    string Body,
    string ClientName,
    string ClientDateOfBirth,
    string TypedName,
#pragma warning disable CA1819 // A record carrying the PNG's bytes as they were stored; nothing mutates it.
    byte[] SignaturePng,
#pragma warning restore CA1819
    Instant SignedAt,
    string SignedAtLocal,
    string IpAddress,
    string UserAgent,
    Guid ConsentId);

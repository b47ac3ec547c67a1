using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Stipple.Core.Rendering;

namespace Stipple.Web.Documents;

/// <summary>
/// The PDF of a signed consent: on A4 with 20 mm margins, the studio and title, the client, the full consent text as
/// signed, then the signature block (the drawn signature, the typed name, when and from where it was signed, the
/// template version and the text's SHA-256), with "Consent id · version N · page i of n" at the foot of every page.
/// All text is real text (DejaVu, embedded), so it can be searched, copied and read aloud.
/// </summary>
public static class ConsentPdf
{
    /// <summary>Page margin: 20 mm in points.</summary>
    internal static readonly double Margin = XUnit.FromMillimeter(20).Point;

    /// <summary>Gap between paragraphs of the consent text, in points.</summary>
    internal const double ParagraphGap = 5;

    /// <summary>Widest the signature is drawn: 70 mm in points.</summary>
    internal static readonly double SignatureMaxWidth = XUnit.FromMillimeter(70).Point;

    /// <summary>Tallest the signature is drawn: 35 mm in points.</summary>
    internal static readonly double SignatureMaxHeight = XUnit.FromMillimeter(35).Point;

    /// <summary>Width of the label column in the client and signature rows: 42 mm in points.</summary>
    private static readonly double LabelWidth = XUnit.FromMillimeter(42).Point;

    /// <summary>The PDF file for <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">The signature is not a PNG, or a required text is missing.</exception>
    public static byte[] Render(ConsentPdfModel model)
    {
        Validate(model);
        var fonts = DocumentFonts.Create();

        using var document = new PdfDocument();
        document.Info.Title = model.Title;
        document.Info.Author = model.StudioName;
        document.Info.Subject = $"{model.Kind} consent signed by {model.ClientName}";
        document.Info.Creator = "Stipple";
        document.Info.CreationDate = model.SignedAt.ToDateTimeUtc();

        using var signatureBytes = new MemoryStream(model.SignaturePng, writable: false);
        using var signature = XImage.FromStream(signatureBytes);
        using (var flow = new PdfFlow(document, Margin))
        {
            WriteHeader(flow, fonts, model);
            flow.Paragraphs(model.Body, fonts.Body, ParagraphGap);
            WriteSignature(flow, fonts, model, signature);
            flow.Finish(
                (page, pages) => string.Create(
                    CultureInfo.InvariantCulture,
                    $"Consent {model.ConsentId:D} · version {model.TemplateVersion} · page {page} of {pages}"),
                fonts.Small);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void WriteHeader(PdfFlow flow, DocumentFonts fonts, ConsentPdfModel model)
    {
        flow.Text(model.StudioName, fonts.Studio, XBrushes.DimGray);
        flow.Space(2);
        flow.Text(model.Title, fonts.Title);
        flow.Space(1);
        flow.Text(
            string.Create(CultureInfo.InvariantCulture, $"{model.Kind} consent · template version {model.TemplateVersion}"),
            fonts.Label,
            XBrushes.DimGray);
        flow.Space(8);
        Row(flow, fonts, "Client", model.ClientName, fonts.BodyBold);
        Row(flow, fonts, "Date of birth", model.ClientDateOfBirth, fonts.Body);
        flow.Space(6);
        flow.Rule();
        flow.Space(10);
    }

    private static void WriteSignature(PdfFlow flow, DocumentFonts fonts, ConsentPdfModel model, XImage signature)
    {
        // The heading, the drawn signature and the typed name under it stay on one page; the rows may follow.
        var imageHeight = PdfFlow.Fit(signature, SignatureMaxWidth, SignatureMaxHeight).Height;
        flow.Space(16);
        flow.KeepTogether(fonts.Heading.GetHeight() + 8 + imageHeight + 4 + fonts.BodyBold.GetHeight() + (3 * fonts.Body.GetHeight()));

        flow.Text("Signature", fonts.Heading);
        flow.Space(8);
        flow.Image(signature, SignatureMaxWidth, SignatureMaxHeight);
        flow.Rule(SignatureMaxWidth);
        flow.Space(4);
        flow.Text(model.TypedName, fonts.BodyBold);
        flow.Space(10);

        Row(flow, fonts, "Signed by (typed name)", model.TypedName, fonts.Body);
        Row(flow, fonts, "Signed at", model.SignedAtLocal, fonts.Body);
        Row(flow, fonts, "IP address", model.IpAddress, fonts.Mono);
        Row(flow, fonts, "Device (user agent)", model.UserAgent.Length > 0 ? model.UserAgent : "(none sent)", fonts.Body);
        Row(flow, fonts, "Consent", string.Create(CultureInfo.InvariantCulture, $"{model.Kind}, template version {model.TemplateVersion}"), fonts.Body);
        Row(flow, fonts, "Content hash (SHA-256)", model.ContentHash, fonts.Mono);
        Row(flow, fonts, "Consent id", model.ConsentId.ToString("D"), fonts.Mono);
    }

    /// <summary>A label/value row with a little air below it.</summary>
    private static void Row(PdfFlow flow, DocumentFonts fonts, string label, string value, XFont valueFont)
    {
        flow.Field(label, value, fonts.Label, valueFont, LabelWidth);
        flow.Space(2);
    }

    private static void Validate(ConsentPdfModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        (string? Value, string Name)[] required =
        [
            (model.StudioName, nameof(model.StudioName)),
            (model.Title, nameof(model.Title)),
            (model.Kind, nameof(model.Kind)),
            (model.ContentHash, nameof(model.ContentHash)),
            (model.Body, nameof(model.Body)),
            (model.ClientName, nameof(model.ClientName)),
            (model.ClientDateOfBirth, nameof(model.ClientDateOfBirth)),
            (model.TypedName, nameof(model.TypedName)),
            (model.SignedAtLocal, nameof(model.SignedAtLocal)),
            (model.IpAddress, nameof(model.IpAddress)),
        ];
        foreach (var (value, name) in required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"{name} is required to print a signed consent.", nameof(model));
            }
        }

        // A browser may send no user agent: an empty one prints as "(none sent)" rather than failing the document.
        if (model.UserAgent is null)
        {
            throw new ArgumentException($"{nameof(model.UserAgent)} must not be null; pass \"\" when the browser sent none.", nameof(model));
        }
        if (model.TemplateVersion < 1)
        {
            throw new ArgumentException($"{nameof(model.TemplateVersion)} must be 1 or more; it is {model.TemplateVersion}.", nameof(model));
        }

        if (model.SignaturePng is null || !model.SignaturePng.AsSpan().StartsWith(PngEncoder.Signature))
        {
            throw new ArgumentException($"{nameof(model.SignaturePng)} must be a PNG image.", nameof(model));
        }
    }
}

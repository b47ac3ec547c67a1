using PdfSharp.Drawing;

namespace Stipple.Web.Documents;

/// <summary>
/// The faces Stipple's documents are set in, all DejaVu (see <see cref="DejaVuFontResolver"/>); sizes in points.
/// Create it after <see cref="PdfSetup.EnsureInitialised"/>, because making an <see cref="XFont"/> resolves the face.
/// </summary>
public sealed class DocumentFonts
{
    private DocumentFonts()
    {
        Title = new XFont(DejaVuFontResolver.Sans, 18, XFontStyleEx.Bold);
        Heading = new XFont(DejaVuFontResolver.Sans, 12, XFontStyleEx.Bold);
        Studio = new XFont(DejaVuFontResolver.Sans, 11, XFontStyleEx.Bold);
        Body = new XFont(DejaVuFontResolver.Sans, 10, XFontStyleEx.Regular);
        BodyBold = new XFont(DejaVuFontResolver.Sans, 10, XFontStyleEx.Bold);
        Label = new XFont(DejaVuFontResolver.Sans, 8.5, XFontStyleEx.Regular);
        Small = new XFont(DejaVuFontResolver.Sans, 8, XFontStyleEx.Regular);
        Mono = new XFont(DejaVuFontResolver.Mono, 9, XFontStyleEx.Regular);
    }

    /// <summary>Document title: Sans bold 18 pt.</summary>
    public XFont Title { get; }

    /// <summary>Section heading: Sans bold 12 pt.</summary>
    public XFont Heading { get; }

    /// <summary>Studio name above the title: Sans bold 11 pt.</summary>
    public XFont Studio { get; }

    /// <summary>Running text: Sans 10 pt.</summary>
    public XFont Body { get; }

    /// <summary>Emphasised running text: Sans bold 10 pt.</summary>
    public XFont BodyBold { get; }

    /// <summary>Field labels: Sans 8.5 pt.</summary>
    public XFont Label { get; }

    /// <summary>Footers and captions: Sans 8 pt.</summary>
    public XFont Small { get; }

    /// <summary>Hashes, identifiers, addresses: Sans Mono 9 pt.</summary>
    public XFont Mono { get; }

    /// <summary>Sets PDFsharp up if needed (default fonts folder) and creates the faces.</summary>
    public static DocumentFonts Create()
    {
        PdfSetup.EnsureInitialised();
        return new DocumentFonts();
    }
}

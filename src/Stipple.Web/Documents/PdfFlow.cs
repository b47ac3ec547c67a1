using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Stipple.Web.Documents;

/// <summary>
/// Writes a document top to bottom onto A4 pages: wrapped text, plain-text paragraphs and bullets, label/value rows,
/// images and rules, starting a new page whenever the next line does not fit. Units are points (1/72 inch), y grows
/// downwards. <see cref="Finish"/> then stamps a footer on every page, when the page count is known.
/// </summary>
/// <remarks>Page breaks fall between lines, never inside one; <see cref="KeepTogether"/> moves a block to the next page whole.</remarks>
public sealed class PdfFlow : IDisposable
{
    /// <summary>Indent of a bullet's text from the left edge of the text, in points.</summary>
    public const double BulletIndent = 14;

    private readonly PdfDocument document;
    private XGraphics? graphics;

    /// <summary>A flow onto new A4 pages of <paramref name="document"/>, starting one now.</summary>
    /// <param name="document">The document to add pages to.</param>
    /// <param name="margin">Margin on all four sides, in points; the footer sits in the bottom margin.</param>
    public PdfFlow(PdfDocument document, double margin)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(margin);
        this.document = document;
        Margin = margin;
        NewPage();
    }

    /// <summary>Margin on all four sides, in points.</summary>
    public double Margin { get; }

    /// <summary>Left edge of the text.</summary>
    public double Left => Margin;

    /// <summary>Width between the margins.</summary>
    public double Width => PageWidth - (2 * Margin);

    /// <summary>Where the next line's top goes.</summary>
    public double Y { get; private set; }

    /// <summary>Lowest y a line may reach.</summary>
    public double Bottom => PageHeight - Margin;

    /// <summary>Pages so far.</summary>
    public int PageCount => document.PageCount;

    /// <summary>The current page's drawing surface, for anything the flow does not draw itself.</summary>
    public XGraphics Graphics => graphics ?? throw new InvalidOperationException("The flow is finished.");

    private double PageWidth => document.Pages[^1].Width.Point;

    private double PageHeight => document.Pages[^1].Height.Point;

    /// <summary>Starts a new page and puts the cursor at its top margin.</summary>
    public void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();

        // PageSize.A4 rounds to 595 × 842 pt; these are ISO 216's 210 × 297 mm exactly.
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        graphics = XGraphics.FromPdfPage(page);
        Y = Margin;
    }

    /// <summary>Moves the cursor down by <paramref name="points"/> (a gap at the foot of a page just ends the page).</summary>
    public void Space(double points) => Y = Math.Min(Y + points, Bottom);

    /// <summary>Starts a new page unless <paramref name="height"/> fits below the cursor (or the page is still empty).</summary>
    public void KeepTogether(double height)
    {
        if (Y + height > Bottom && Y > Margin)
        {
            NewPage();
        }
    }

    /// <summary>The lines <paramref name="text"/> wraps to in <paramref name="width"/> points of <paramref name="font"/>.</summary>
    public IReadOnlyList<string> Wrap(string text, XFont font, double width) =>
        TextWrapper.Wrap(text, width, s => Graphics.MeasureString(s, font).Width);

    /// <summary>Writes one line of text wrapped to the width, starting <paramref name="indent"/> points in.</summary>
    public void Text(string text, XFont font, XBrush? brush = null, double indent = 0)
    {
        ArgumentNullException.ThrowIfNull(font);
        foreach (var line in Wrap(text, font, Width - indent))
        {
            Line(line, font, brush ?? XBrushes.Black, Left + indent);
        }
    }

    /// <summary>
    /// Writes plain text (see <see cref="PlainText"/>): paragraphs <paramref name="paragraphGap"/> points apart, bullets
    /// with a hanging indent. Returns the number of lines set.
    /// </summary>
    public int Paragraphs(string text, XFont font, double paragraphGap)
    {
        ArgumentNullException.ThrowIfNull(font);
        var count = 0;
        var first = true;
        foreach (var block in PlainText.Parse(text))
        {
            if (block.StartsParagraph && !first)
            {
                Space(paragraphGap);
            }

            first = false;
            var indent = block.IsBullet ? BulletIndent : 0;
            var lines = Wrap(block.Text, font, Width - indent);

            // No orphans: a block of several lines starts on the next page rather than leave its first line alone.
            KeepTogether(Math.Min(2, lines.Count) * font.GetHeight());
            for (var i = 0; i < lines.Count; i++)
            {
                Line(lines[i], font, XBrushes.Black, Left + indent);
                if (block.IsBullet && i == 0)
                {
                    var top = Y - font.GetHeight();
                    Graphics.DrawString("•", font, XBrushes.Black, Left + (BulletIndent / 3), top, XStringFormats.TopLeft);
                }
            }

            count += lines.Count;
        }

        return count;
    }

    /// <summary>
    /// A label/value row: the label in the first <paramref name="labelWidth"/> points, the value wrapped beside it. The
    /// row moves to the next page whole unless it is taller than a page.
    /// </summary>
    public void Field(string label, string value, XFont labelFont, XFont valueFont, double labelWidth)
    {
        ArgumentNullException.ThrowIfNull(labelFont);
        ArgumentNullException.ThrowIfNull(valueFont);
        var labelLines = Wrap(label, labelFont, labelWidth - 6);
        var valueLines = Wrap(value, valueFont, Width - labelWidth);

        // The first lines share a baseline: the font with the smaller ascent moves down by the difference.
        var labelShift = Math.Max(0, Ascent(valueFont) - Ascent(labelFont));
        var valueShift = Math.Max(0, Ascent(labelFont) - Ascent(valueFont));
        var height = Math.Max(
            labelShift + (labelLines.Count * labelFont.GetHeight()),
            valueShift + (valueLines.Count * valueFont.GetHeight()));
        KeepTogether(height);
        var top = Y;
        foreach (var line in labelLines)
        {
            Line(line, labelFont, XBrushes.DimGray, Left, labelShift);
        }

        Y = top;
        foreach (var line in valueLines)
        {
            Line(line, valueFont, XBrushes.Black, Left + labelWidth, valueShift);
        }

        Y = Math.Max(Y, top + height);
    }

    /// <summary>
    /// Draws <paramref name="image"/> at the left edge, scaled (keeping its aspect) to fit <paramref name="maxWidth"/> by
    /// <paramref name="maxHeight"/> points, never enlarged beyond 1 px = 1 pt. Returns the size drawn.
    /// </summary>
    public XSize Image(XImage image, double maxWidth, double maxHeight)
    {
        var size = Fit(image, maxWidth, maxHeight);
        KeepTogether(size.Height);
        Graphics.DrawImage(image, Left, Y, size.Width, size.Height);
        Y += size.Height;
        return size;
    }

    /// <summary>
    /// The size <see cref="Image"/> draws <paramref name="image"/> at: scaled, keeping its aspect, to fit
    /// <paramref name="maxWidth"/> by <paramref name="maxHeight"/> points, and never beyond 1 px = 1 pt.
    /// </summary>
    public static XSize Fit(XImage image, double maxWidth, double maxHeight)
    {
        ArgumentNullException.ThrowIfNull(image);
        var scale = Math.Min(1, Math.Min(maxWidth / image.PixelWidth, maxHeight / image.PixelHeight));
        return new XSize(image.PixelWidth * scale, image.PixelHeight * scale);
    }

    /// <summary>A horizontal hairline across <paramref name="width"/> points (the full width by default) at the cursor.</summary>
    public void Rule(double? width = null, double thickness = 0.5)
    {
        KeepTogether(thickness);
        Graphics.DrawLine(new XPen(XColors.Gray, thickness), Left, Y, Left + (width ?? Width), Y);
        Y += thickness;
    }

    /// <summary>
    /// Ends the flow and writes <paramref name="footer"/>(page, pageCount) centred in the bottom margin of every page
    /// (pages numbered from 1).
    /// </summary>
    public void Finish(Func<int, int, string> footer, XFont font)
    {
        ArgumentNullException.ThrowIfNull(footer);
        ArgumentNullException.ThrowIfNull(font);
        graphics?.Dispose();
        graphics = null;
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = document.Pages[i];
            using var stamp = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var box = new XRect(Margin, page.Height.Point - Margin + (Margin / 2) - font.GetHeight(), page.Width.Point - (2 * Margin), font.GetHeight());
            stamp.DrawString(footer(i + 1, count), font, XBrushes.DimGray, box, XStringFormats.TopCenter);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        graphics?.Dispose();
        graphics = null;
    }

    /// <summary>
    /// Sets one line at <paramref name="x"/>, <paramref name="shift"/> points below the cursor, on a new page if it would
    /// cross the bottom margin.
    /// </summary>
    private void Line(string line, XFont font, XBrush brush, double x, double shift = 0)
    {
        var height = font.GetHeight();
        KeepTogether(height + shift);
        Graphics.DrawString(line, font, brush, x, Y + shift, XStringFormats.TopLeft);
        Y += height;
    }

    /// <summary>Height of the font's ascent above the baseline, in points.</summary>
    private static double Ascent(XFont font) =>
        font.Size * font.FontFamily.GetCellAscent(font.Style) / font.FontFamily.GetEmHeight(font.Style);
}

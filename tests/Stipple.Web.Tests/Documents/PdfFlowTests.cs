using System.Globalization;
using PdfSharp.Pdf;
using Stipple.Web.Documents;
using static Stipple.Web.Tests.Documents.PdfTestTools;

namespace Stipple.Web.Tests.Documents;

/// <summary>The reusable page flow: where lines land and when pages break.</summary>
public sealed class PdfFlowTests
{
    private const double Margin = 50;

    private readonly DocumentFonts fonts = DocumentFonts.Create();

    [Fact]
    public void A_line_that_would_cross_the_bottom_margin_starts_a_new_page()
    {
        using var document = new PdfDocument();
        using var flow = new PdfFlow(document, Margin);
        var line = fonts.Body.GetHeight();

        flow.Space(flow.Bottom - flow.Y - line); // room for exactly one more line
        flow.Text("fits", fonts.Body);
        flow.PageCount.ShouldBe(1);
        flow.Y.ShouldBe(flow.Bottom, 1e-9);

        flow.Text("does not", fonts.Body);
        flow.PageCount.ShouldBe(2);
        flow.Y.ShouldBe(Margin + line, 1e-9);
    }

    [Fact]
    public void A_paragraph_never_leaves_its_first_line_alone_at_the_foot_of_a_page()
    {
        using var document = new PdfDocument();
        using var flow = new PdfFlow(document, Margin);
        var line = fonts.Body.GetHeight();
        var text = string.Join(' ', Enumerable.Repeat("word", 40));
        var expected = flow.Wrap(text, fonts.Body, flow.Width).Count;
        expected.ShouldBeGreaterThan(1);

        flow.Space(flow.Bottom - flow.Y - (1.5 * line)); // room for one line and a half
        var lines = flow.Paragraphs(text, fonts.Body, paragraphGap: 5);

        lines.ShouldBe(expected);
        flow.PageCount.ShouldBe(2);
        flow.Y.ShouldBe(Margin + (expected * line), 1e-9);
    }

    [Fact]
    public void Keep_together_moves_a_block_unless_the_page_is_still_empty()
    {
        using var document = new PdfDocument();
        using var flow = new PdfFlow(document, Margin);

        flow.KeepTogether(10_000); // taller than any page: breaking would not help
        flow.PageCount.ShouldBe(1);

        flow.Space(100);
        flow.KeepTogether(flow.Bottom - flow.Y + 1);
        flow.PageCount.ShouldBe(2);
        flow.Y.ShouldBe(Margin);
    }

    [Fact]
    public void Finish_stamps_every_page_with_its_number_and_the_count()
    {
        using var document = new PdfDocument();
        using (var flow = new PdfFlow(document, Margin))
        {
            flow.Text("one", fonts.Body);
            flow.NewPage();
            flow.Text("two", fonts.Body);
            flow.NewPage();
            flow.Text("three", fonts.Body);
            flow.Finish((page, pages) => string.Create(CultureInfo.InvariantCulture, $"Quote Q-17 · page {page} of {pages}"), fonts.Small);
            Should.Throw<InvalidOperationException>(() => flow.Text("after", fonts.Body));
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        var pdf = output.ToArray();
        Flatten(ExtractText(pdf, 1)).ShouldBe("one Quote Q-17 · page 1 of 3");
        Flatten(ExtractText(pdf, 3)).ShouldBe("three Quote Q-17 · page 3 of 3");
    }
}

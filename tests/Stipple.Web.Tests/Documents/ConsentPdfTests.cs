using System.Globalization;
using System.Text;
using Stipple.Web.Documents;
using static Stipple.Web.Tests.Documents.PdfTestTools;

namespace Stipple.Web.Tests.Documents;

/// <summary>
/// The signed-consent PDF as others read it: PDFsharp's own reader for structure, Poppler's pdftotext for the text a
/// person can search and copy. Pure: no database, no web host.
/// </summary>
public sealed class ConsentPdfTests
{
    private const string ShortBody = """
        I ask Dot & Line Scalp Studio to carry out scalp micropigmentation on me.

        I understand that:
        - the pigment sits in the upper dermis and fades over several years;
        - two or three sessions are usually needed;
        - results vary with skin type, and touch-ups may be needed.

        I have told my practitioner about every medical condition and medication listed on my intake form.
        """;

    [Fact]
    public void Renders_a_whole_pdf_file_that_pdfsharp_reads_back()
    {
        var pdf = ConsentPdf.Render(Model(ShortBody));

        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        Encoding.ASCII.GetString(pdf).TrimEnd().ShouldEndWith("%%EOF");

        using var document = Open(pdf);
        document.PageCount.ShouldBe(1);
        document.Pages[0].Width.Point.ShouldBe(595.28, 0.01); // A4: 210 mm
        document.Pages[0].Height.Point.ShouldBe(841.89, 0.01); // 297 mm
        document.Info.Title.ShouldBe("Consent to scalp micropigmentation");
        document.Info.Author.ShouldBe("Dot & Line Scalp Studio");
        document.Info.Producer.ShouldContain("AGPL"); // PDFsharp names the licence it was given
        document.Info.CreationDate.ToUniversalTime().ShouldBe(new DateTime(2026, 11, 21, 14, 5, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Every_printed_fact_is_real_text_including_names_beyond_ascii()
    {
        var model = Model(ShortBody);
        var text = Flatten(ExtractText(ConsentPdf.Render(model)));

        text.ShouldContain("Dot & Line Scalp Studio");
        text.ShouldContain("Consent to scalp micropigmentation");
        text.ShouldContain("I ask Dot & Line Scalp Studio to carry out scalp micropigmentation on me.");
        text.ShouldContain("the pigment sits in the upper dermis and fades over several years;");
        text.ShouldContain("I have told my practitioner about every medical condition and medication listed on my intake form.");
        text.ShouldContain("Zoë Ó Briain");
        text.ShouldContain("4 March 1988");
        text.ShouldContain("Łukasz Wiśniewski");
        text.ShouldContain("21 November 2026, 14:05 (Europe/London)");
        text.ShouldContain("203.0.113.42");
        text.ShouldContain(model.UserAgent);
        text.ShouldContain(ContentHash);
        text.ShouldContain("SMP treatment, template version 3");
        text.ShouldContain("Consent 0b7a6c2e-5d1f-4e8a-9c3b-2f4d6e8a0c1e · version 3 · page 1 of 1");
    }

    [Fact]
    public void Bullets_are_marked_and_keep_their_text()
    {
        var lines = ExtractText(ConsentPdf.Render(Model(ShortBody))).Split('\n').Select(l => l.Trim()).ToList();

        lines.ShouldContain("• two or three sessions are usually needed;");
        lines.ShouldNotContain(l => l.StartsWith("- ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_text_flows_onto_full_pages_in_order_with_numbered_footers()
    {
        // 120 one-line paragraphs: a full page holds k of them, k × line + (k − 1) × gap ≤ the text height, where the
        // text height is A4's 841.89 pt less two 20 mm margins (728.5 pt). DejaVu Sans 10 pt sets lines 11.64 pt apart
        // and paragraphs are 5 pt apart, so k = 44. Page 1 gives up about 8 lines to the header (36 paragraphs), page 2
        // takes 44 and page 3 the last 40, which leaves too little room for the signature block: it moves to page 4.
        var paragraphs = Enumerable.Range(1, 120)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"Paragraph {i:000}: the client read and understood clause {i}."))
            .ToList();
        var pdf = ConsentPdf.Render(Model(string.Join("\n\n", paragraphs)));

        using var document = Open(pdf);
        document.PageCount.ShouldBe(4);

        var pages = Enumerable.Range(1, document.PageCount).Select(p => ExtractText(pdf, p)).ToList();
        var found = pages.Select(page => paragraphs.Where(page.Contains).ToList()).ToList();
        found.SelectMany(p => p).ShouldBe(paragraphs); // every paragraph once, in order, none lost between pages

        var line = DocumentFonts.Create().Body.GetHeight();
        line.ShouldBe(11.64, 0.01);
        var height = 841.89 - (2 * ConsentPdf.Margin);
        var perPage = (int)Math.Floor((height + ConsentPdf.ParagraphGap) / (line + ConsentPdf.ParagraphGap));
        perPage.ShouldBe(44);
        found[1].Count.ShouldBe(perPage); // a middle page is full

        found[0].Count.ShouldBeInRange(30, perPage - 1); // the header takes room on page 1 only
        found[3].ShouldBeEmpty();
        Flatten(pages[3]).ShouldContain("Signature");
        Flatten(pages[3]).ShouldContain(ContentHash);
        for (var i = 0; i < pages.Count; i++)
        {
            Flatten(pages[i]).ShouldContain(string.Create(CultureInfo.InvariantCulture, $"version 3 · page {i + 1} of 4"));
        }
    }

    [Fact]
    public void A_word_wider_than_the_page_is_broken_across_lines_not_cut_off()
    {
        var word = string.Concat(Enumerable.Repeat("Pigment0123456789", 20)); // 340 characters, no spaces
        var text = ExtractText(ConsentPdf.Render(Model("Before the long word.\n\n" + word + " and after it.")));

        var lines = text.Split('\n').Where(l => l.Contains("Pigment0123456789", StringComparison.Ordinal)).ToList();
        lines.Count.ShouldBeGreaterThan(1);
        string.Concat(lines.Select(l => l.Trim())).ShouldBe(word + " and after it.");
    }

    [Fact]
    public void The_signature_is_embedded_as_an_image_with_its_transparency()
    {
        var pdf = ConsentPdf.Render(Model(ShortBody));

        using var document = Open(pdf);
        var image = Images(document.Pages[0]).ShouldHaveSingleItem();
        image.Elements.GetInteger("/Width").ShouldBe(600);
        image.Elements.GetInteger("/Height").ShouldBe(200);
        image.Elements.ContainsKey("/SMask").ShouldBeTrue(); // the alpha channel, so the page shows through
    }

    [Fact]
    public void Refuses_a_signature_that_is_not_a_png()
    {
        var model = Model(ShortBody) with { SignaturePng = "GIF89a"u8.ToArray() };

        Should.Throw<ArgumentException>(() => ConsentPdf.Render(model)).Message.ShouldContain("SignaturePng must be a PNG image");
    }

    [Fact]
    public void Refuses_a_missing_typed_name_naming_the_field()
    {
        var model = Model(ShortBody) with { TypedName = " " };

        Should.Throw<ArgumentException>(() => ConsentPdf.Render(model)).Message.ShouldContain("TypedName is required");
    }

    [Fact]
    public void Renders_on_many_threads_at_once()
    {
        var results = new byte[8][];
        Parallel.For(0, results.Length, i =>
        {
            PdfSetup.EnsureInitialised();
            results[i] = ConsentPdf.Render(Model(ShortBody + "\n\nCopy " + i.ToString(CultureInfo.InvariantCulture)));
        });

        for (var i = 0; i < results.Length; i++)
        {
            Flatten(ExtractText(results[i])).ShouldContain("Copy " + i.ToString(CultureInfo.InvariantCulture));
        }
    }
}

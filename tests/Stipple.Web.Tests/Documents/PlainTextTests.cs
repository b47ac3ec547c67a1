using Stipple.Web.Documents;

namespace Stipple.Web.Tests.Documents;

public sealed class PlainTextTests
{
    [Fact]
    public void Reads_paragraphs_line_breaks_and_bullets()
    {
        var blocks = PlainText.Parse("First paragraph,\r\nsecond line.\n\n\n  - one\n-   two\n\t\nLast -  not a bullet\n");

        blocks.ShouldBe(
        [
            new TextBlock("First paragraph,", IsBullet: false, StartsParagraph: true),
            new TextBlock("second line.", IsBullet: false, StartsParagraph: false),
            new TextBlock("one", IsBullet: true, StartsParagraph: true),
            new TextBlock("two", IsBullet: true, StartsParagraph: false),
            new TextBlock("Last -  not a bullet", IsBullet: false, StartsParagraph: true),
        ]);
    }

    [Fact]
    public void A_dash_without_a_space_is_text()
    {
        PlainText.Parse("-5 °C storage").ShouldBe([new TextBlock("-5 °C storage", IsBullet: false, StartsParagraph: true)]);
    }

    [Fact]
    public void Blank_text_has_no_blocks()
    {
        PlainText.Parse(" \n\n \r\n").ShouldBeEmpty();
    }
}

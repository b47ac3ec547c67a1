using Stipple.Web.Documents;

namespace Stipple.Web.Features.Consents;

/// <summary>A paragraph (its lines) or a bullet list (its items) of a consent text, for showing it on a page as it prints.</summary>
public sealed record ConsentTextBlock(bool IsList, IReadOnlyList<string> Lines)
{
    /// <summary>The text's blocks, read by <see cref="PlainText"/> exactly as the PDF reads them.</summary>
    public static IReadOnlyList<ConsentTextBlock> Parse(string text)
    {
        var blocks = new List<ConsentTextBlock>();
        List<string>? lines = null;
        var inList = false;
        foreach (var block in PlainText.Parse(text))
        {
            // A blank line, or a switch between bullets and plain lines, starts a new block.
            if (lines is null || block.IsBullet != inList || block.StartsParagraph)
            {
                lines = [];
                inList = block.IsBullet;
                blocks.Add(new ConsentTextBlock(inList, lines));
            }

            lines.Add(block.Text);
        }

        return blocks;
    }
}

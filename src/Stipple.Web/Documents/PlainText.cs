namespace Stipple.Web.Documents;

/// <summary>
/// Reads the plain text that consent templates (and later other documents) are written in: paragraphs separated by
/// blank lines, and lines starting with "- " as bullet points. A single line break inside a paragraph is kept as a
/// line break, because a signed text should print with the lines its author gave it.
/// </summary>
public static class PlainText
{
    /// <summary>The non-blank lines of <paramref name="text"/>, each marked as bullet and/or paragraph start.</summary>
    public static IReadOnlyList<TextBlock> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = new List<TextBlock>();
        var startsParagraph = true;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Replace('\t', ' ').Trim();
            if (line.Length == 0)
            {
                startsParagraph = true;
                continue;
            }

            var isBullet = line.StartsWith("- ", StringComparison.Ordinal);
            blocks.Add(new TextBlock(isBullet ? line[2..].TrimStart() : line, isBullet, startsParagraph));
            startsParagraph = false;
        }

        return blocks;
    }
}

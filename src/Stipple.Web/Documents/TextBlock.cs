namespace Stipple.Web.Documents;

/// <summary>One line of plain document text, as <see cref="PlainText.Parse"/> reads it.</summary>
/// <param name="Text">The line's text, trimmed; for a bullet, without the leading "- ".</param>
/// <param name="IsBullet">True for a line that began with "- ".</param>
/// <param name="StartsParagraph">True for the first line after a blank line (and for the very first line).</param>
public sealed record TextBlock(string Text, bool IsBullet, bool StartsParagraph);

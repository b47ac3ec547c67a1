using System.Globalization;

namespace Stipple.Web.Documents;

/// <summary>
/// Greedy word wrapping of one line of text to a width, with the measuring left to the caller (so it is pure and
/// testable; <see cref="PdfFlow"/> measures with PDFsharp). Words are separated by spaces; runs of spaces and tabs
/// collapse to one. A word wider than the whole width (a hash, a URL, a user agent token) is broken between
/// characters, never inside a surrogate pair or a combining sequence, and without adding a hyphen, so the printed
/// characters are exactly the text's.
/// </summary>
public static class TextWrapper
{
    /// <summary>Slack for floating-point widths: a line that fits to within a millionth of a point fits.</summary>
    private const double Tolerance = 1e-6;

    /// <summary>The lines <paramref name="text"/> wraps to within <paramref name="maxWidth"/>; one empty line for blank text.</summary>
    /// <param name="text">One line of text (line breaks are the caller's business; see <see cref="PlainText"/>).</param>
    /// <param name="maxWidth">The width available, in the units <paramref name="measure"/> returns; positive.</param>
    /// <param name="measure">The width of a string when set on one line.</param>
    public static IReadOnlyList<string> Wrap(string text, double maxWidth, Func<string, double> measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWidth);
        if (double.IsNaN(maxWidth))
        {
            throw new ArgumentOutOfRangeException(nameof(maxWidth), maxWidth, "The width must be a number.");
        }

        var words = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in words)
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Fits(candidate, maxWidth, measure))
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = BreakLongWord(word, maxWidth, measure, lines);
        }

        if (current.Length > 0 || lines.Count == 0)
        {
            lines.Add(current);
        }

        return lines;
    }

    /// <summary>Adds full-width pieces of <paramref name="word"/> to <paramref name="lines"/>; returns the last piece.</summary>
    private static string BreakLongWord(string word, double maxWidth, Func<string, double> measure, List<string> lines)
    {
        var rest = word;
        while (!Fits(rest, maxWidth, measure))
        {
            var length = LongestFittingPrefix(rest, maxWidth, measure);
            lines.Add(rest[..length]);
            rest = rest[length..];
        }

        return rest;
    }

    /// <summary>
    /// The length in chars of the longest prefix of whole text elements that fits, and at least one element (a single
    /// character wider than the line is printed anyway, so the text always makes progress).
    /// </summary>
    private static int LongestFittingPrefix(string word, double maxWidth, Func<string, double> measure)
    {
        // starts[i] is where text element i begins; ends[k] (= starts[k] or the length) is where a k-element prefix ends.
        var starts = StringInfo.ParseCombiningCharacters(word);
        int End(int elements) => elements < starts.Length ? starts[elements] : word.Length;

        // Binary search over the number of elements: widths grow with the prefix.
        int low = 1, high = starts.Length;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (Fits(word[..End(middle)], maxWidth, measure))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return End(low);
    }

    private static bool Fits(string text, double maxWidth, Func<string, double> measure) => measure(text) <= maxWidth + Tolerance;
}

using System.Text;

namespace Stipple.Core.Scheduling;

/// <summary>
/// The two text rules of iCalendar (RFC 5545): escaping a TEXT value (§3.3.11) and folding a content line at 75 octets
/// (§3.1). Pure string work, written here because Ical.Net is not in the package mirror.
/// </summary>
public static class ICalendarText
{
    /// <summary>A content line's longest length in octets, not counting its CRLF (RFC 5545 §3.1).</summary>
    public const int MaxLineOctets = 75;

    /// <summary>
    /// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash; every line break (CRLF,
    /// LF or CR) becomes <c>\n</c>. Other control characters, which TEXT may not hold, are dropped (a tab is kept).
    /// </summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case ';':
                    builder.Append(@"\;");
                    break;
                case ',':
                    builder.Append(@"\,");
                    break;
                case '\r':
                    builder.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\t':
                    builder.Append(c);
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Folds one unfolded content line (no line break inside) into lines of at most <see cref="MaxLineOctets"/> UTF-8
    /// octets each, joined by CRLF followed by a space, and ends it with CRLF (RFC 5545 §3.1). A line is only ever broken
    /// between whole Unicode scalar values, so no multi-octet UTF-8 sequence (and no surrogate pair) is split.
    /// </summary>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var builder = new StringBuilder(line.Length + 8);
        AppendFolded(builder, line);
        return builder.ToString();
    }

    /// <summary><see cref="Fold"/> into <paramref name="builder"/>.</summary>
    public static void AppendFolded(StringBuilder builder, string line)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(line);
        if (line.Contains('\r', StringComparison.Ordinal) || line.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A content line holds no line break; escape TEXT values first.", nameof(line));
        }

        var octets = 0;
        var index = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                // The continuation line starts with one space, which counts towards its 75 octets.
                builder.Append("\r\n ");
                octets = 1;
            }

            builder.Append(line, index, rune.Utf16SequenceLength);
            index += rune.Utf16SequenceLength;
            octets += size;
        }

        builder.Append("\r\n");
    }
}

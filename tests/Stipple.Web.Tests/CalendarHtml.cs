using System.Net;
using System.Text.RegularExpressions;

namespace Stipple.Web.Tests;

/// <summary>Reads the calendar's table back from its HTML: which row (wall-clock label) and column an appointment sits in.</summary>
public static partial class CalendarHtml
{
    /// <summary>An appointment block as rendered: the row it starts in, the rows it spans, its column and its text.</summary>
    public sealed record Block(string RowLabel, int Span, Guid Resource, string Date, string Text, string Classes);

    public static Block? Find(string html, Guid appointmentId)
    {
        ArgumentNullException.ThrowIfNull(html);
        foreach (Match row in RowPattern().Matches(html))
        {
            var label = TimePattern().Match(row.Groups["label"].Value).Value;
            foreach (Match cell in BlockPattern().Matches(row.Groups["cells"].Value))
            {
                if (Guid.Parse(cell.Groups["id"].Value) == appointmentId)
                {
                    return new Block(
                        label, int.Parse(cell.Groups["span"].Value, System.Globalization.CultureInfo.InvariantCulture), Guid.Parse(cell.Groups["resource"].Value),
                        cell.Groups["date"].Value, Text(cell.Groups["text"].Value), cell.Groups["classes"].Value);
                }
            }
        }

        return null;
    }

    /// <summary>The labels of the grid's rows, in order ("09:00", "09:15", …).</summary>
    public static IReadOnlyList<string> RowLabels(string html) =>
        [.. RowPattern().Matches(html).Select(m => TimePattern().Match(m.Groups["label"].Value).Value)];

    /// <summary>The text of a fragment: tags dropped, entities decoded, white space collapsed.</summary>
    public static string Text(string fragment) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(fragment, " ")), " ").Trim();

    [GeneratedRegex("""<tr class="is-[a-z]+">\s*<th scope="row"[^>]*>(?<label>.*?)</th>(?<cells>.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("""<td rowspan="(?<span>\d+)"[^>]*>\s*<a class="cal-block (?<classes>[^"]*)"[^>]*data-appointment="(?<id>[0-9a-f-]+)" data-resource="(?<resource>[0-9a-f-]+)" data-date="(?<date>[0-9-]+)">(?<text>.*?)</a>""", RegexOptions.Singleline)]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"\d\d:\d\d")]
    private static partial Regex TimePattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Stipple.Web.Features.Design;

/// <summary>Content negotiation for the design endpoint (RFC 9110 §12.5.1).</summary>
public static class DesignFormats
{
    public const string Json = "application/json";
    public const string Png = "image/png";
    public const string Svg = "image/svg+xml";
    public const string Dots = "application/octet-stream";

    /// <summary>In order of preference, for a wildcard (<c>*/*</c> gives the report).</summary>
    private static readonly (DesignFormat Format, string MediaType)[] Offered =
        [(DesignFormat.Report, Json), (DesignFormat.Png, Png), (DesignFormat.Svg, Svg), (DesignFormat.Dots, Dots)];

    public static string ContentType(DesignFormat format) => Offered.First(o => o.Format == format).MediaType;

    /// <summary>
    /// The format the Accept header asks for, or null when it accepts none of them (406). No header, or one that cannot
    /// be parsed, means the report. Each offered type takes the quality of the most specific range that matches it; the
    /// highest quality wins, then the range listed first, then the order of <see cref="Offered"/>.
    /// </summary>
    public static DesignFormat? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return DesignFormat.Report;
        }

        DesignFormat? best = null;
        var bestQuality = 0.0;
        var bestPosition = int.MaxValue;
        foreach (var (format, mediaType) in Offered)
        {
            var (quality, position) = QualityOf(mediaType, ranges);
            if (quality > bestQuality || (quality > 0 && quality == bestQuality && position < bestPosition))
            {
                (best, bestQuality, bestPosition) = (format, quality, position);
            }
        }

        return best;
    }

    private static (double Quality, int Position) QualityOf(string mediaType, IList<MediaTypeHeaderValue> ranges)
    {
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        var type = mediaType[..slash];
        var specificity = -1;
        (double, int) result = (0, int.MaxValue);
        for (var i = 0; i < ranges.Count; i++)
        {
            var range = ranges[i];
            var rangeType = range.Type.Value ?? "";
            var rangeSubType = range.SubType.Value ?? "";
            var match = string.Equals(rangeType, "*", StringComparison.Ordinal) ? 0
                : !string.Equals(rangeType, type, StringComparison.OrdinalIgnoreCase) ? -1
                : string.Equals(rangeSubType, "*", StringComparison.Ordinal) ? 1
                : string.Equals(rangeSubType, mediaType[(slash + 1)..], StringComparison.OrdinalIgnoreCase) ? 2
                : -1;
            if (match > specificity)
            {
                specificity = match;
                result = (range.Quality ?? 1, i);
            }
        }

        return result;
    }
}

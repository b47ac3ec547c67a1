using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stipple.Core.Design;
using Stipple.Core.Rendering;
using Stipple.Data;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Design;

/// <summary>
/// Turns a design into what the caller asked for: the report (estimated with the studio's impressions per minute), a
/// PNG or SVG preview, or the dots. Every problem with the design or the options comes back as a field error, keyed
/// by the design's JSON path (<c>zones[0].densityPerCm2</c>) or the query parameter's name.
/// </summary>
public sealed class DesignService(StippleDbContext db)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task<Result<DesignOutput>> RenderAsync(ReadOnlyMemory<byte> json, RenderQuery query, DesignFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new FieldErrors();
        var options = query.ToOptions(errors);
        var parsed = DesignJson.Parse(json.Span);
        AddIssues(parsed.Errors, errors);
        if (parsed.Document is { } design && options?.Session > design.Sessions.Count)
        {
            errors.Add("session", $"The design has {design.Sessions.Count} session(s).");
        }

        if (errors.Any || parsed.Document is null || options is null)
        {
            return Result<DesignOutput>.Invalid(errors);
        }

        StippleResult result;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            result = Stippler.Stipple(parsed.Document);
        }
        catch (DesignValidationException e)
        {
            AddIssues(e.Errors, errors);
            return Result<DesignOutput>.Invalid(errors);
        }

        var stippleTime = stopwatch.Elapsed;
        try
        {
            return Result<DesignOutput>.Ok(format switch
            {
                DesignFormat.Report => new DesignOutput(await ReportAsync(result, stippleTime, cancellationToken), DesignFormats.Json),
                DesignFormat.Png => new DesignOutput(PngEncoder.Encode(DotRenderer.Render(result, options)), DesignFormats.Png),
                DesignFormat.Svg => new DesignOutput(Svg(result, options), DesignFormats.Svg),
                _ => new DesignOutput(DotsBinary.ToArray(result.DotsThroughSession(options.Session ?? int.MaxValue)), DesignFormats.Dots),
            });
        }
        catch (ArgumentException e) when (QueryName(e.ParamName) is { } name)
        {
            // Options each in range can together ask for an image over the size cap; RenderOptions names the option.
            return Result<DesignOutput>.Invalid(name, Describe(e));
        }
    }

    /// <summary>Stipples a template and builds its report at the studio's rate, for the preview page.</summary>
    public Task<(StippleResult Result, DesignReport Report)> TemplateAsync(TemplateKind kind, CancellationToken cancellationToken) =>
        StippleAsync(DesignTemplates.Create(kind), cancellationToken);

    /// <summary>Stipples a valid design and builds its report at the studio's rate (saved versions, comparisons, PDFs).</summary>
    public async Task<(StippleResult Result, DesignReport Report)> StippleAsync(DesignDocument design, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = Stippler.Stipple(design);
        var elapsed = stopwatch.Elapsed;
        return (result, DesignReport.Create(result, await RateAsync(cancellationToken), elapsed));
    }

    private async Task<byte[]> ReportAsync(StippleResult result, TimeSpan stippleTime, CancellationToken cancellationToken)
    {
        return Utf8.GetBytes(DesignJson.Serialize(DesignReport.Create(result, await RateAsync(cancellationToken), stippleTime)));
    }

    /// <summary>The studio's impressions per minute, for time estimates.</summary>
    private async Task<double> RateAsync(CancellationToken cancellationToken) =>
        (double)await db.Studios.AsNoTracking().Select(s => s.ImpressionsPerMinute).SingleAsync(cancellationToken);

    private static byte[] Svg(StippleResult result, RenderOptions options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, Utf8, leaveOpen: true))
        {
            SvgWriter.Write(result, options, writer);
        }

        return buffer.ToArray();
    }

    /// <summary>The root of the document (<c>$</c>) is "body", as in the API's other errors.</summary>
    private static void AddIssues(IEnumerable<DesignIssue> issues, FieldErrors errors)
    {
        foreach (var issue in issues)
        {
            errors.Add(string.Equals(issue.Field, "$", StringComparison.Ordinal) ? "body" : issue.Field, issue.Message);
        }
    }

    private static string? QueryName(string? option) => option switch
    {
        nameof(RenderOptions.PxPerMm) => "pxPerMm",
        nameof(RenderOptions.WidthPx) => "width",
        nameof(RenderOptions.HeightPx) => "height",
        nameof(RenderOptions.Years) => "years",
        nameof(RenderOptions.Session) => "session",
        nameof(RenderOptions.Look) => "look",
        _ => null,
    };

    /// <summary>The message without " (Parameter 'X')", in the query's names.</summary>
    private static string Describe(ArgumentException e)
    {
        var message = e.Message;
        var suffix = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        message = suffix < 0 ? message : message[..suffix];
        return message
            .Replace(nameof(RenderOptions.PxPerMm), "pxPerMm", StringComparison.Ordinal)
            .Replace(nameof(RenderOptions.WidthPx), "width", StringComparison.Ordinal)
            .Replace(nameof(RenderOptions.HeightPx), "height", StringComparison.Ordinal);
    }
}

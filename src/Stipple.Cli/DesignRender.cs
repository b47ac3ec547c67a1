using System.Diagnostics;
using System.Globalization;
using System.Text;
using Stipple.Core.Colour;
using Stipple.Core.Design;
using Stipple.Core.Rendering;

namespace Stipple.Cli;

/// <summary>
/// <c>stipple design render</c>: reads and checks a design, stipples it, and writes preview.png, preview.svg, dots.bin
/// and report.json. Problems with the input are reported as <c>field: message</c> lines on stderr (exit 2), never as a
/// stack trace.
/// </summary>
internal static class DesignRender
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static int Run(Request request, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = Read(request.Design, error);
        if (document is null)
        {
            return ExitCodes.BadInput;
        }

        if (request.Session > document.Sessions.Count)
        {
            error.WriteLine(Invariant($"--session: the design has {document.Sessions.Count} session(s); got {request.Session}."));
            return ExitCodes.BadInput;
        }

        StippleResult result;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            result = Stippler.Stipple(document);
        }
        catch (DesignValidationException e)
        {
            WriteIssues(e.Errors, error);
            return ExitCodes.BadInput;
        }

        var stippleTime = stopwatch.Elapsed;
        var report = DesignReport.Create(result, request.ImpressionsPerMinute, stippleTime);
        var options = new RenderOptions
        {
            Look = request.Look,
            Years = request.Years,
            Session = request.Session,
            PxPerMm = request.PxPerMm,
            Background = request.Background,
        };

        RgbaImage image;
        try
        {
            image = DotRenderer.Render(result, options);
        }
        catch (ArgumentException e)
        {
            // Options that are each in range can still ask for an image over the size cap.
            error.WriteLine($"{OptionName(e.ParamName)}: {FirstSentence(e.Message)}");
            return ExitCodes.BadInput;
        }

        try
        {
            var folder = Directory.CreateDirectory(request.Out.FullName).FullName;
            File.WriteAllBytes(Path.Combine(folder, "preview.png"), PngEncoder.Encode(image));
            using (var svg = new StreamWriter(Path.Combine(folder, "preview.svg"), append: false, Utf8))
            {
                SvgWriter.Write(result, options, svg);
            }

            File.WriteAllBytes(Path.Combine(folder, "dots.bin"), DotsBinary.ToArray(result.DotsThroughSession(request.Session ?? int.MaxValue)));
            File.WriteAllText(Path.Combine(folder, "report.json"), DesignJson.Serialize(report) + "\n", Utf8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"--out: cannot write to {request.Out.FullName}: {e.Message}");
            return ExitCodes.Failed;
        }

        WriteSummary(output, request, report, image, stopwatch.Elapsed - stippleTime);
        return ExitCodes.Ok;
    }

    private static DesignDocument? Read(FileInfo file, TextWriter error)
    {
        byte[] bytes;
        try
        {
            if (file.Exists && file.Length > DesignJson.MaxBytes)
            {
                error.WriteLine(Invariant($"{file.FullName}: the design is larger than {DesignJson.MaxBytes / 1024} KiB."));
                return null;
            }

            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine($"--design: no such file: {file.FullName}");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"--design: cannot read {file.FullName}: {e.Message}");
            return null;
        }

        var parsed = DesignJson.Parse(bytes);
        if (parsed.Document is null)
        {
            WriteIssues(parsed.Errors, error);
        }

        return parsed.Document;
    }

    private static void WriteIssues(IReadOnlyList<DesignIssue> issues, TextWriter error)
    {
        foreach (var issue in issues)
        {
            error.WriteLine($"{issue.Field}: {issue.Message}");
        }
    }

    private static void WriteSummary(TextWriter output, Request request, DesignReport report, RgbaImage image, TimeSpan renderTime)
    {
        var shown = request.Session ?? report.Sessions.Count;
        output.WriteLine(Invariant($"{report.TotalDots:N0} dots in {report.Sessions.Count} session(s), stippled in {report.StippleMilliseconds:0} ms:"));
        foreach (var session in report.Sessions)
        {
            output.WriteLine(Invariant(
                $"  session {session.Session}: {session.Dots,7:N0} dots, about {session.EstimatedMinutes:0} min at {report.ImpressionsPerMinute:0.#} impressions/min"));
        }

        foreach (var warning in report.Warnings)
        {
            output.WriteLine($"  warning: {warning.Field}: {warning.Message}");
        }

        output.WriteLine(Invariant(
            $"Wrote {request.Out.FullName}: preview.png ({image.Width} × {image.Height} px, {request.Look.ToString().ToLowerInvariant()}, sessions 1–{shown}), preview.svg, dots.bin, report.json in {renderTime.TotalMilliseconds:0} ms."));
    }

    private static string OptionName(string? property) => property switch
    {
        nameof(RenderOptions.PxPerMm) => "--px-per-mm",
        nameof(RenderOptions.Years) => "--years",
        nameof(RenderOptions.Session) => "--session",
        nameof(RenderOptions.Look) => "--look",
        _ => "options",
    };

    /// <summary>ArgumentException appends " (Parameter 'x')"; the option name already says that.</summary>
    private static string FirstSentence(string message)
    {
        var index = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return index < 0 ? message : message[..index];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The render command's checked options.</summary>
    internal sealed record Request(
        FileInfo Design, DirectoryInfo Out, Look Look, double Years, int? Session, double? PxPerMm, Srgb8? Background, double ImpressionsPerMinute);
}

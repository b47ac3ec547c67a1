using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using Stipple.Core.Rendering;
using Stipple.Web.Documents;

namespace Stipple.Web.Tests.Documents;

/// <summary>Inputs for document tests and the outside tools that read the PDFs back (PDFsharp's reader, Poppler's pdftotext).</summary>
internal static class PdfTestTools
{
    /// <summary>Debian's poppler-utils puts it here; <c>./stipple test</c> installs it when missing.</summary>
    public const string PdfToText = "/usr/bin/pdftotext";

    public const string ContentHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /// <summary>A 600 × 200 transparent PNG with a dark-blue wavy stroke, like a signature drawn on the signing page.</summary>
    public static byte[] SignaturePng(int width = 600, int height = 200)
    {
        var image = new RgbaImage(width, height);
        for (var x = width / 15; x < width - (width / 15); x++)
        {
            var y = (height / 2) + ((height / 4) * Math.Sin(x / 37.0)) + ((height / 10) * Math.Sin(x / 9.0));
            for (var dy = -3; dy <= 3; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    var py = (int)Math.Round(y) + dy;
                    var px = x + dx;
                    if (py >= 0 && py < height && px >= 0 && px < width)
                    {
                        ((ReadOnlySpan<byte>)[20, 32, 90, 255]).CopyTo(image.GetRow(py)[(px * 4)..]);
                    }
                }
            }
        }

        return PngEncoder.Encode(image);
    }

    public static ConsentPdfModel Model(string body) => new(
        StudioName: "Dot & Line Scalp Studio",
        Title: "Consent to scalp micropigmentation",
        Kind: "SMP treatment",
        TemplateVersion: 3,
        ContentHash: ContentHash,
        Body: body,
        ClientName: "Zoë Ó Briain",
        ClientDateOfBirth: "4 March 1988",
        TypedName: "Łukasz Wiśniewski",
        SignaturePng: SignaturePng(),
        SignedAt: Instant.FromUtc(2026, 11, 21, 14, 5, 0),
        SignedAtLocal: "21 November 2026, 14:05 (Europe/London)",
        IpAddress: "203.0.113.42",
        UserAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
        ConsentId: Guid.Parse("0b7a6c2e-5d1f-4e8a-9c3b-2f4d6e8a0c1e"));

    public static PdfDocument Open(byte[] pdf) => PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);

    /// <summary>The text Poppler extracts (UTF-8), from one page or all.</summary>
    public static string ExtractText(byte[] pdf, int? page = null)
    {
        File.Exists(PdfToText).ShouldBeTrue($"{PdfToText} is missing: install Debian's poppler-utils (./stipple test does).");
        var start = new ProcessStartInfo(PdfToText)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-enc");
        start.ArgumentList.Add("UTF-8");
        if (page is { } p)
        {
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add(p.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.ArgumentList.Add("-l");
            start.ArgumentList.Add(p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        start.ArgumentList.Add("-");
        start.ArgumentList.Add("-");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(pdf);
        process.StandardInput.Close();
        process.WaitForExit(TimeSpan.FromSeconds(30)).ShouldBeTrue("pdftotext did not finish");
        process.ExitCode.ShouldBe(0, errors.Result);
        return output.Result;
    }

    /// <summary>Whitespace runs (line ends from wrapping, column gaps) as single spaces.</summary>
    public static string Flatten(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>The image XObjects a page draws, as their dictionaries.</summary>
    public static IReadOnlyList<PdfDictionary> Images(PdfPage page)
    {
        var xobjects = page.Elements.GetDictionary("/Resources")?.Elements.GetDictionary("/XObject");
        if (xobjects is null)
        {
            return [];
        }

        return xobjects.Elements.Values
            .Select(item => item is PdfReference reference ? reference.Value : item)
            .OfType<PdfDictionary>()
            .Where(d => string.Equals(d.Elements.GetName("/Subtype"), "/Image", StringComparison.Ordinal))
            .ToList();
    }
}

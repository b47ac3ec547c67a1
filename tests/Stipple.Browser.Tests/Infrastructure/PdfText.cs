using System.Diagnostics;

namespace Stipple.Browser.Tests.Infrastructure;

/// <summary>A downloaded PDF's text as Poppler reads it (pdftotext, installed by ./stipple test): it opens, and says what it should.</summary>
internal static class PdfText
{
    public static async Task<string> ReadAsync(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0);
        return text;
    }
}

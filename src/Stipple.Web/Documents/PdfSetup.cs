using PdfSharp;
using PdfSharp.Fonts;

namespace Stipple.Web.Documents;

/// <summary>
/// PDFsharp's process-wide set-up, done once before the first document: the licence and the font resolver. Every
/// document renderer calls <see cref="EnsureInitialised"/> first, so nothing has to remember to do it at start-up;
/// calling it again (from any number of threads) is cheap and harmless. Start-up code that keeps the fonts elsewhere
/// calls <see cref="Initialise"/> with its folder before the first document.
/// </summary>
/// <remarks>
/// PDFsharp 6.5 is dual-licensed, AGPL-3.0 or commercial, and wants the choice made in code. Stipple is
/// AGPL-3.0-or-later, so it takes the AGPL licence (<see cref="PdfSharpLicense.SetAgplLicense"/>). PDFsharp allows one
/// font resolver per process and silently ignores a second one of the same type, so a later call asking for another
/// fonts folder fails loudly here rather than quietly rendering with the first one.
/// </remarks>
public static class PdfSetup
{
    private static readonly Lock Gate = new();
    private static volatile string? initialisedDirectory;

    /// <summary>The absolute fonts folder in use, or null before the first document.</summary>
    public static string? FontsDirectory => initialisedDirectory;

    /// <summary>
    /// Sets PDFsharp up with the default fonts folder unless it is already set up (with any folder). Document renderers
    /// call this first.
    /// </summary>
    /// <exception cref="FileNotFoundException">A required font file is missing (the message names it and the Debian package).</exception>
    public static void EnsureInitialised()
    {
        if (initialisedDirectory is null)
        {
            Initialise(DejaVuFontResolver.DefaultDirectory);
        }
    }

    /// <summary>
    /// Sets the AGPL licence and a <see cref="DejaVuFontResolver"/> over <paramref name="fontsDirectory"/>, once; for
    /// start-up code that wants another folder than the default. Calling it again with the same folder does nothing.
    /// </summary>
    /// <param name="fontsDirectory">The DejaVu fonts folder.</param>
    /// <exception cref="FileNotFoundException">A required font file is missing (the message names it and the Debian package).</exception>
    /// <exception cref="InvalidOperationException">PDFsharp was already set up with a different fonts folder.</exception>
    public static void Initialise(string fontsDirectory)
    {
        var resolver = new DejaVuFontResolver(fontsDirectory);

        // Checked before touching any global state, so a bad folder leaves PDFsharp as it was and the error names the file.
        resolver.EnsureRequiredFilesExist();
        var current = initialisedDirectory;
        if (current is null)
        {
            lock (Gate)
            {
                current = initialisedDirectory;
                if (current is null)
                {
                    PdfSharpLicense.SetAgplLicense();
                    GlobalFontSettings.FontResolver = resolver;
                    initialisedDirectory = current = resolver.FontsDirectory;
                }
            }
        }

        if (!string.Equals(current, resolver.FontsDirectory, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"PDF fonts already come from {current}; they cannot switch to {resolver.FontsDirectory} in a running " +
                "process (PDFsharp keeps one font resolver per process).");
        }
    }
}

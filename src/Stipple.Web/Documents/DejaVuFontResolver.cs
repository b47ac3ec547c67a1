using PdfSharp.Fonts;

namespace Stipple.Web.Documents;

/// <summary>
/// Gives PDFsharp the DejaVu fonts from a folder (by default Debian's <c>fonts-dejavu-core</c>): PDFsharp's Core build
/// finds no system fonts on Linux, so every face a document uses must come from here. DejaVu covers Latin, Greek and
/// Cyrillic, so names such as "Zoë Ó Briain" or "Łukasz" render as themselves.
/// </summary>
/// <remarks>
/// Two families: <see cref="Sans"/> (regular, bold; oblique and bold oblique when <c>fonts-dejavu-extra</c> put them in
/// the folder, else simulated by slanting) and <see cref="Mono"/> (regular, bold; oblique always simulated). Face names
/// handed to PDFsharp are the file names, so <see cref="GetFont"/> reads exactly the file it promised.
/// </remarks>
public sealed class DejaVuFontResolver : IFontResolver
{
    /// <summary>Where Debian's fonts-dejavu-core (and fonts-dejavu-extra) put the files.</summary>
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    /// <summary>The proportional family, for running text.</summary>
    public const string Sans = "DejaVu Sans";

    /// <summary>The monospaced family, for hashes, identifiers and addresses.</summary>
    public const string Mono = "DejaVu Sans Mono";

    private const string SansRegular = "DejaVuSans.ttf";
    private const string SansBold = "DejaVuSans-Bold.ttf";
    private const string SansOblique = "DejaVuSans-Oblique.ttf";
    private const string SansBoldOblique = "DejaVuSans-BoldOblique.ttf";
    private const string MonoRegular = "DejaVuSansMono.ttf";
    private const string MonoBold = "DejaVuSansMono-Bold.ttf";

    /// <summary>The files every document needs; all ship in Debian's fonts-dejavu-core.</summary>
    internal static readonly IReadOnlyList<string> RequiredFiles = [SansRegular, SansBold, MonoRegular, MonoBold];

    /// <summary>A resolver over <see cref="DefaultDirectory"/>.</summary>
    public DejaVuFontResolver()
        : this(DefaultDirectory)
    {
    }

    /// <summary>A resolver over the DejaVu files in <paramref name="directory"/>.</summary>
    /// <param name="directory">A folder holding at least <see cref="RequiredFiles"/>.</param>
    public DejaVuFontResolver(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        FontsDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
    }

    /// <summary>The absolute folder the font files are read from.</summary>
    public string FontsDirectory { get; }

    /// <summary>Throws <see cref="FileNotFoundException"/> naming the first required file that is missing.</summary>
    public void EnsureRequiredFilesExist()
    {
        foreach (var file in RequiredFiles)
        {
            var path = Path.Combine(FontsDirectory, file);
            if (!File.Exists(path))
            {
                throw MissingFont(path);
            }
        }
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (string.Equals(familyName, Sans, StringComparison.OrdinalIgnoreCase))
        {
            var upright = bold ? SansBold : SansRegular;
            if (!italic)
            {
                return new FontResolverInfo(upright);
            }

            var oblique = bold ? SansBoldOblique : SansOblique;
            return File.Exists(Path.Combine(FontsDirectory, oblique))
                ? new FontResolverInfo(oblique)
                : new FontResolverInfo(upright, mustSimulateBold: false, mustSimulateItalic: true);
        }

        if (string.Equals(familyName, Mono, StringComparison.OrdinalIgnoreCase))
        {
            return new FontResolverInfo(bold ? MonoBold : MonoRegular, mustSimulateBold: false, mustSimulateItalic: italic);
        }

        // PDFsharp reports an unknown family with its name; substituting silently would hide a typo in a document.
        return null;
    }

    /// <inheritdoc />
    public byte[] GetFont(string faceName)
    {
        ArgumentException.ThrowIfNullOrEmpty(faceName);
        var path = Path.Combine(FontsDirectory, Path.GetFileName(faceName));
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw MissingFont(path);
        }
    }

    private static FileNotFoundException MissingFont(string path)
    {
        var package = Path.GetFileName(path) is SansOblique or SansBoldOblique ? "fonts-dejavu-extra" : "fonts-dejavu-core";
        return new FileNotFoundException(
            $"The font file {path} is missing. PDF documents need the DejaVu fonts: install Debian's {package} package " +
            $"(apt-get install {package}), or point Stipple's PDF setup at a folder that holds the DejaVu .ttf files.",
            path);
    }
}

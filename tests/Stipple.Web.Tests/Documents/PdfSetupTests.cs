using PdfSharp.Fonts;
using Stipple.Web.Documents;

namespace Stipple.Web.Tests.Documents;

/// <summary>The process-wide PDFsharp set-up and the DejaVu font resolver behind it.</summary>
public sealed class PdfSetupTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("stipple-fonts-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Setting_up_from_many_threads_installs_one_resolver_over_the_default_folder()
    {
        Parallel.For(0, 32, _ => PdfSetup.EnsureInitialised());

        PdfSetup.FontsDirectory.ShouldBe(DejaVuFontResolver.DefaultDirectory);
        GlobalFontSettings.FontResolver.ShouldBeOfType<DejaVuFontResolver>().FontsDirectory.ShouldBe(DejaVuFontResolver.DefaultDirectory);
        PdfSetup.Initialise(DejaVuFontResolver.DefaultDirectory + "/"); // the same folder again: nothing to do
    }

    [Fact]
    public void Another_fonts_folder_after_set_up_is_refused_rather_than_ignored()
    {
        PdfSetup.EnsureInitialised();
        CopyCoreFonts();

        var error = Should.Throw<InvalidOperationException>(() => PdfSetup.Initialise(folder));
        error.Message.ShouldContain(DejaVuFontResolver.DefaultDirectory);
        error.Message.ShouldContain(folder);
    }

    [Fact]
    public void A_folder_without_the_fonts_is_refused_naming_the_file_and_the_debian_package()
    {
        var error = Should.Throw<FileNotFoundException>(() => PdfSetup.Initialise(folder));

        error.FileName.ShouldBe(Path.Combine(folder, "DejaVuSans.ttf"));
        error.Message.ShouldContain(Path.Combine(folder, "DejaVuSans.ttf"));
        error.Message.ShouldContain("fonts-dejavu-core");
    }

    [Fact]
    public void Resolver_reads_the_files_it_names()
    {
        var resolver = new DejaVuFontResolver();

        var regular = resolver.ResolveTypeface("DejaVu Sans", bold: false, italic: false).ShouldNotBeNull();
        regular.FaceName.ShouldBe("DejaVuSans.ttf");
        resolver.ResolveTypeface("dejavu sans", bold: true, italic: false)!.FaceName.ShouldBe("DejaVuSans-Bold.ttf");
        resolver.ResolveTypeface("DejaVu Sans Mono", bold: false, italic: false)!.FaceName.ShouldBe("DejaVuSansMono.ttf");
        resolver.ResolveTypeface("Arial", bold: false, italic: false).ShouldBeNull();

        var bytes = resolver.GetFont(regular.FaceName);
        bytes.ShouldBe(File.ReadAllBytes(Path.Combine(DejaVuFontResolver.DefaultDirectory, "DejaVuSans.ttf")));
        bytes[..4].ShouldBe(new byte[] { 0, 1, 0, 0 }); // a TrueType file's sfnt version
    }

    [Fact]
    public void Italic_uses_the_oblique_file_when_present_and_slants_the_upright_one_otherwise()
    {
        CopyCoreFonts();
        var resolver = new DejaVuFontResolver(folder);

        var simulated = resolver.ResolveTypeface(DejaVuFontResolver.Sans, bold: false, italic: true)!;
        simulated.FaceName.ShouldBe("DejaVuSans.ttf");
        simulated.MustSimulateItalic.ShouldBeTrue();

        File.Copy(Path.Combine(DejaVuFontResolver.DefaultDirectory, "DejaVuSans.ttf"), Path.Combine(folder, "DejaVuSans-Oblique.ttf"));
        var real = resolver.ResolveTypeface(DejaVuFontResolver.Sans, bold: false, italic: true)!;
        real.FaceName.ShouldBe("DejaVuSans-Oblique.ttf");
        real.MustSimulateItalic.ShouldBeFalse();
    }

    [Fact]
    public void A_font_file_removed_after_set_up_is_reported_with_its_package()
    {
        var resolver = new DejaVuFontResolver(folder);

        var error = Should.Throw<FileNotFoundException>(() => resolver.GetFont("DejaVuSans-BoldOblique.ttf"));
        error.Message.ShouldContain(Path.Combine(folder, "DejaVuSans-BoldOblique.ttf"));
        error.Message.ShouldContain("fonts-dejavu-extra");
    }

    private void CopyCoreFonts()
    {
        foreach (var file in new[] { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf" })
        {
            File.Copy(Path.Combine(DejaVuFontResolver.DefaultDirectory, file), Path.Combine(folder, file));
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using Stipple.Core.Colour;

namespace Stipple.Web.Tests;

/// <summary>
/// <c>stipple colour diff|match</c> as a person runs them: the built CLI in its own process (no database), its output,
/// its messages naming the argument, and its exit codes (0 ok, 2 bad input).
/// </summary>
public sealed class ColourCliTests
{
    [Fact]
    public async Task Diff_prints_delta_e_with_six_decimals()
    {
        var (code, output, _) = await RunAsync("colour", "diff", "50", "2.6772", "-79.7751", "50", "0", "-82.7485");

        code.ShouldBe(0);
        var expected = Ciede2000.Difference(new Lab(50, 2.6772, -79.7751), new Lab(50, 0, -82.7485)).ToString("F6", CultureInfo.InvariantCulture);
        output.ShouldBe(expected + "\n");
        double.Parse(output, CultureInfo.InvariantCulture).ShouldBe(2.0425, 1e-4); // Sharma et al. pair 1, published to four decimals
    }

    [Fact]
    public async Task Diff_applies_the_parametric_factors()
    {
        var (code, output, _) = await RunAsync("colour", "diff", "60", "10", "5", "50", "12", "-3", "--kl", "2", "--kc", "1", "--kh", "1");
        code.ShouldBe(0);
        output.Trim().ShouldBe(Ciede2000.Difference(new Lab(60, 10, 5), new Lab(50, 12, -3), 2, 1, 1).ToString("F6", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("L2", "50", "0", "0", "120", "0", "0")]
    [InlineData("a1", "50", "abc", "0", "50", "0", "0")]
    [InlineData("b2", "50", "0", "0", "50", "0", "-200")]
    public async Task Diff_refuses_bad_numbers_naming_the_argument(string argument, params string[] numbers)
    {
        var (code, _, errors) = await RunAsync(["colour", "diff", .. numbers]);
        code.ShouldBe(2);
        errors.ShouldContain($"{argument}:");
    }

    [Fact]
    public async Task Match_ranks_a_catalogue_file_and_sets_tattoo_ink_aside()
    {
        var catalogue = Write("""
            {
              "format": "stipple.pigments/1",
              "pigments": [
                { "manufacturer": "Cli Co", "product": "Carbon", "kind": "smp", "swatch": "#141414" },
                { "manufacturer": "Cli Co", "product": "Brown", "kind": "smp", "swatchLab": { "l": 19.6, "a": 6.2, "b": 8.9 } },
                { "manufacturer": "Cli Co", "product": "Ink", "kind": "tattoo-ink", "swatch": "#0a0a10" }
              ]
            }
            """);

        var (code, output, _) = await RunAsync("colour", "match", "--catalogue", catalogue, "--hair", "#2b2420", "--skin", "#c49f87", "--top", "4");

        code.ShouldBe(0);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var target = AppearanceModel.Stubble(Lab.FromHex("#2b2420"), Lab.FromHex("#c49f87"), AppearanceParameters.Default);
        lines[0].ShouldContain(target.ToHex());
        lines.Count(l => l.TrimStart().StartsWith("1 ", StringComparison.Ordinal) || l.TrimStart().StartsWith("4 ", StringComparison.Ordinal)).ShouldBe(2);
        output.ShouldContain("Set aside");
        output.ShouldContain("Cli Co Ink");
        output.ShouldContain("estimates");
    }

    [Fact]
    public async Task Match_names_each_bad_field_of_the_catalogue_and_exits_2()
    {
        var catalogue = Write("""{ "pigments": [ { "product": "X", "kind": "ink", "swatch": "#12" } ], "dilutions": "1:0, 0:3" }""");

        var (code, _, errors) = await RunAsync("colour", "match", "--catalogue", catalogue, "--hair", "#2b2420", "--skin", "#c49f87");

        code.ShouldBe(2);
        errors.ShouldContain("pigments[0].kind:");
        errors.ShouldContain("pigments[0].swatch:");
        errors.ShouldContain("dilutions[1]:");
    }

    [Fact]
    public async Task Match_refuses_an_empty_catalogue_and_a_bad_hex()
    {
        var empty = Write("""{ "pigments": [] }""");
        var (code, _, errors) = await RunAsync("colour", "match", "--catalogue", empty, "--hair", "#2b2420", "--skin", "#c49f87");
        code.ShouldBe(2);
        errors.ShouldContain("pigments: the catalogue is empty");

        var (badHex, _, hexErrors) = await RunAsync("colour", "match", "--catalogue", empty, "--hair", "#2b24", "--skin", "#c49f87");
        badHex.ShouldBe(2);
        hexErrors.ShouldContain("--hair must be a colour");
    }

    private static string Write(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"stipple-catalogue-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>Runs the CLI built beside these tests (same configuration) and returns its exit code, stdout and stderr.</summary>
    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    private static string CliPath()
    {
        // tests/Stipple.Web.Tests/bin/<Configuration>/net10.0/ → src/Stipple.Cli/bin/<Configuration>/net10.0/stipple.dll (the CLI's assembly name)
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, "src", "Stipple.Cli", "bin", configuration, framework, "stipple.dll");
        File.Exists(path).ShouldBeTrue($"the CLI is built with the solution: {path}");
        return path;
    }
}

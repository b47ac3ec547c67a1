using System.CommandLine;
using System.Globalization;
using Stipple.Core.Colour;

namespace Stipple.Cli;

/// <summary>
/// <c>stipple colour match --catalogue FILE --hair HEX --skin HEX</c>: ranks a catalogue file's pigments × dilutions
/// for a client's hair and skin with the default appearance model (no database; a studio's calibrated parameters live
/// in its database and are used by the app).
/// </summary>
internal static class ColourMatch
{
    public static Command Create()
    {
        var catalogue = new Option<FileInfo>("--catalogue") { Description = "The pigments, a stipple.pigments/1 JSON file (see docs/colour-model.md).", Required = true };
        var hair = Hex(new Option<string>("--hair") { Description = "The client's hair colour as #rrggbb." });
        var skin = Hex(new Option<string>("--skin") { Description = "The client's scalp skin colour as #rrggbb.", Required = true });
        var target = Hex(new Option<string>("--target") { Description = "Match this chosen shade (#rrggbb) instead of the natural stubble shade from --hair." });
        var dilutions = new Option<string>("--dilutions") { Description = "Ratios to try, pigment:water (default: the file's, else 1:0, 3:1, 1:1, 1:2, 1:3)." };
        var top = new Option<int>("--top") { Description = "How many recommendations to print (1–1000).", DefaultValueFactory = _ => 10 };
        top.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                r.AddError("--top must be between 1 and 1000.");
            }
        });

        var command = new Command("match", "Rank pigment × dilution by ΔE00 between the predicted healed colour and the client's stubble shade (an estimate).")
        {
            catalogue, hair, skin, target, dilutions, top,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(hair) is null && r.GetValue(target) is null)
            {
                r.AddError("Give --hair (to match the natural stubble shade) or --target (a chosen shade).");
            }
        });
        command.SetAction(parse => Run(
            parse.GetValue(catalogue)!,
            parse.GetValue(hair),
            parse.GetValue(skin)!,
            parse.GetValue(target),
            parse.GetValue(dilutions),
            parse.GetValue(top),
            Console.Out,
            Console.Error));
        return command;
    }

    internal static int Run(FileInfo file, string? hairHex, string skinHex, string? targetHex, string? dilutionText, int top, TextWriter output, TextWriter errors)
    {
        if (!file.Exists)
        {
            errors.WriteLine($"catalogue: {file.FullName} does not exist.");
            return ExitCodes.BadInput;
        }

        if (file.Length > CatalogueFile.MaxBytes)
        {
            errors.WriteLine($"catalogue: the file is larger than {CatalogueFile.MaxBytes / 1024} KiB.");
            return ExitCodes.BadInput;
        }

        var parsed = CatalogueFile.Parse(File.ReadAllText(file.FullName));
        var problems = parsed.Errors.ToList();
        var ladder = parsed.Dilutions ?? Dilution.Defaults;
        if (dilutionText is not null)
        {
            if (Dilution.TryParseList(dilutionText, out var given, out var bad))
            {
                ladder = given;
            }
            else
            {
                problems.AddRange(bad.Select(b => (b.Index < 0 ? "--dilutions" : $"--dilutions[{b.Index}]", b.Message)));
            }
        }

        if (problems.Count > 0)
        {
            foreach (var (field, message) in problems)
            {
                errors.WriteLine($"{field}: {message}");
            }

            return ExitCodes.BadInput;
        }

        var parameters = AppearanceParameters.Default;
        var skin = Lab.FromHex(skinHex);
        var aim = targetHex is not null ? Lab.FromHex(targetHex) : AppearanceModel.Stubble(Lab.FromHex(hairHex!), skin, parameters);
        var request = new MatchRequest(aim, skin, parsed.Pigments, ladder, parameters);
        var invalid = PigmentMatcher.Validate(request);
        if (invalid.Count > 0)
        {
            foreach (var (field, message) in invalid)
            {
                errors.WriteLine($"{field}: {message}");
            }

            return ExitCodes.BadInput;
        }

        var result = PigmentMatcher.Rank(request);
        var what = targetHex is not null ? "Chosen shade" : $"Stubble shade of hair {Srgb8.ParseHex(hairHex!).ToHex()}";
        output.WriteLine(Invariant($"{what} on skin {Srgb8.ParseHex(skinHex).ToHex()}: {aim.ToHex()} ({aim.Describe()})"));
        output.WriteLine(Invariant($"{"#",3}  {"Pigment",-36} {"Mix",5} {"Healed",8} {"ΔE00",6}   {"Session 1",9} {"Healed",8} {"ΔE00",6}"));
        foreach (var r in result.Ranked.Take(top))
        {
            output.WriteLine(Invariant(
                $"{r.Rank,3}  {Clip(r.Pigment.Name, 36),-36} {r.Dilution,5} {r.Healed.ToHex(),8} {r.DeltaE,6:0.00}   {r.SessionOneDilution,9} {r.SessionOneHealed.ToHex(),8} {r.SessionOneDeltaE,6:0.00}"));
        }

        if (result.SetAside.Count > 0)
        {
            output.WriteLine($"Set aside (tattoo ink drifts blue or green; never recommended): {string.Join(", ", result.SetAside.Select(p => p.Name))}");
        }

        output.WriteLine("Predicted healed colours are estimates from Stipple's default appearance model; confirm with a test patch.");
        return ExitCodes.Ok;
    }

    private static Option<string> Hex(Option<string> option)
    {
        option.HelpName = "HEX";
        option.Validators.Add(r =>
        {
            var text = r.GetValueOrDefault<string>();
            if (text is not null && !Srgb8.TryParseHex(text, out _))
            {
                r.AddError($"{option.Name} must be a colour written #rrggbb, e.g. #3b2a20; got '{text}'.");
            }
        });
        return option;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

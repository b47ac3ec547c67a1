using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Stipple.Core.Colour;

namespace Stipple.Cli;

/// <summary>
/// <c>stipple colour diff|match</c>: colour science on the command line, without a database. Numbers are read with the
/// invariant culture and checked while parsing, so a bad value is a usage error naming its argument (exit 2).
/// </summary>
internal static class ColourCommands
{
    private const string AxisRule = "must be between -128 and 128.";

    public static Command Create()
    {
        var colour = new Command("colour", "Colour tools on CIE L*a*b* values (no database needed).");
        colour.Subcommands.Add(Diff());
        colour.Subcommands.Add(ColourMatch.Create());
        return colour;
    }

    private static Command Diff()
    {
        var first = LabArguments("1");
        var second = LabArguments("2");
        var kL = Factor("--kl", "lightness");
        var kC = Factor("--kc", "chroma");
        var kH = Factor("--kh", "hue");

        var command = new Command("diff", "Print the CIEDE2000 colour difference ΔE00 between two L*a*b* colours, to 6 decimals.");
        foreach (var argument in first.Concat(second))
        {
            command.Arguments.Add(argument);
        }

        command.Options.Add(kL);
        command.Options.Add(kC);
        command.Options.Add(kH);
        command.SetAction(parse =>
        {
            var difference = Ciede2000.Difference(
                new Lab(parse.GetValue(first[0]), parse.GetValue(first[1]), parse.GetValue(first[2])),
                new Lab(parse.GetValue(second[0]), parse.GetValue(second[1]), parse.GetValue(second[2])),
                parse.GetValue(kL),
                parse.GetValue(kC),
                parse.GetValue(kH));
            Console.Out.Write(difference.ToString("F6", CultureInfo.InvariantCulture));
            Console.Out.Write('\n');
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>L, a and b of one colour as positional arguments named L1, a1, b1 (for suffix "1"); a, b may be negative.</summary>
    private static Argument<double>[] LabArguments(string suffix) =>
    [
        Number(new Argument<double>("L" + suffix) { Description = "Lightness L*, 0–100." }, value => value is >= 0 and <= 100, "must be between 0 and 100."),
        Number(new Argument<double>("a" + suffix) { Description = "a*, green (−) to red (+), −128 to 128." }, InAxisRange, AxisRule),
        Number(new Argument<double>("b" + suffix) { Description = "b*, blue (−) to yellow (+), −128 to 128." }, InAxisRange, AxisRule),
    ];

    private static bool InAxisRange(double value) => value is >= -Lab.MaxAxis and <= Lab.MaxAxis;

    /// <summary>A CIEDE2000 parametric factor (default 1), finite and greater than 0.</summary>
    private static Option<double> Factor(string name, string what)
    {
        var option = new Option<double>(name)
        {
            Description = $"CIEDE2000 parametric factor k for {what} (> 0; default 1).",
            DefaultValueFactory = _ => 1,
            HelpName = "k",
        };
        option.CustomParser = r => Parse(r, name, value => value > 0, "must be greater than 0.");
        return option;
    }

    private static Argument<double> Number(Argument<double> argument, Func<double, bool> valid, string rule)
    {
        argument.CustomParser = r => Parse(r, argument.Name, valid, rule);
        return argument;
    }

    /// <summary>
    /// The token as an invariant-culture number (a leading '-' is part of the number: System.CommandLine reads such
    /// tokens as arguments when no option has that name); NaN and infinities are rejected, whatever the rule says.
    /// </summary>
    private static double Parse(ArgumentResult result, string name, Func<double, bool> valid, string rule)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            result.AddError($"{name}: '{text}' is not a finite number.");
            return 0;
        }

        if (!valid(value))
        {
            result.AddError($"{name}: {rule}");
            return 0;
        }

        return value;
    }
}

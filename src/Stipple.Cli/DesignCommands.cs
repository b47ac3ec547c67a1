using System.CommandLine;
using Stipple.Core.Colour;
using Stipple.Core.Design;
using Stipple.Core.Rendering;

namespace Stipple.Cli;

/// <summary>
/// <c>stipple design template|render</c>: the design engine on files, without a database. Option values are checked
/// while parsing (a bad value is a usage error, exit 2); <see cref="DesignRender"/> does the work.
/// </summary>
internal static class DesignCommands
{
    public static Command Create()
    {
        var design = new Command("design", "Hairline and density designs: start one from a template, or stipple and render one (no database needed).");
        design.Subcommands.Add(Template());
        design.Subcommands.Add(Render());
        return design;
    }

    private static Command Template()
    {
        var kind = new Option<string>("--kind")
        {
            Description = "Which template: male-mature, male-juvenile or female.",
            Required = true,
        };
        kind.AcceptOnlyFromAmong([.. Enum.GetValues<TemplateKind>().Select(DesignTemplates.NameOf)]);
        var seed = new Option<uint>("--seed")
        {
            Description = "Seed of the design's random stream (the same design and seed give the same dots).",
            DefaultValueFactory = _ => 1,
        };

        var command = new Command("template", "Print a complete sample design as JSON on stdout (stipple.design/1).") { kind, seed };
        command.SetAction(parse =>
        {
            if (!DesignTemplates.TryParse(parse.GetValue(kind), out var templateKind))
            {
                return ExitCodes.BadInput; // unreachable: AcceptOnlyFromAmong has refused other names
            }

            Console.Out.Write(DesignJson.Serialize(DesignTemplates.Create(templateKind, parse.GetValue(seed))));
            Console.Out.Write('\n');
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Render()
    {
        var designFile = new Option<FileInfo>("--design") { Description = "The design, a stipple.design/1 JSON file.", Required = true };
        var outDir = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for preview.png, preview.svg, dots.bin and report.json (created if missing; files in it are replaced).",
            Required = true,
        };
        var look = new Option<string>("--look") { Description = "Which stage to show: fresh, healed or aged.", DefaultValueFactory = _ => "healed" };
        look.AcceptOnlyFromAmong("fresh", "healed", "aged");
        var years = Range(new Option<double>("--years") { Description = "Age in years for --look aged (0–20)." }, 0, RenderOptions.MaxYears);
        var session = new Option<int?>("--session") { Description = "Show and export sessions 1..K only (default: every session).", HelpName = "K" };
        session.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1 or > byte.MaxValue)
            {
                r.AddError("--session must be 1 or more (sessions are numbered from 1).");
            }
        });
        var pxPerMm = new Option<double?>("--px-per-mm") { Description = "Preview scale in pixels per mm (1–128; default 8, lowered so the image fits 4096 px)." };
        pxPerMm.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } value && !(double.IsFinite(value) && value is >= RenderOptions.MinPxPerMm and <= RenderOptions.MaxPxPerMm))
            {
                r.AddError("--px-per-mm must be between 1 and 128.");
            }
        });
        var background = new Option<string>("--background")
        {
            Description = "Skin colour behind the dots as #rrggbb, or 'transparent'.",
            DefaultValueFactory = _ => RenderOptions.DefaultSkin.ToHex(),
            HelpName = "HEX|transparent",
        };
        background.Validators.Add(r =>
        {
            var text = r.GetValueOrDefault<string>();
            if (!string.Equals(text, "transparent", StringComparison.OrdinalIgnoreCase) && !Srgb8.TryParseHex(text, out _))
            {
                r.AddError($"--background must be a colour such as #d8b094, or 'transparent'; got '{text}'.");
            }
        });
        var rate = Range(
            new Option<double>("--impressions-per-minute")
            {
                Description = "Needling rate for the report's time estimates (1–1000).",
                DefaultValueFactory = _ => DesignReport.DefaultImpressionsPerMinute,
            },
            1,
            1000);

        var command = new Command("render", "Stipple a design and write its previews, dots and report.")
        {
            designFile, outDir, look, years, session, pxPerMm, background, rate,
        };
        command.SetAction(parse =>
        {
            var colour = parse.GetValue(background)!;
            var request = new DesignRender.Request(
                parse.GetValue(designFile)!,
                parse.GetValue(outDir)!,
                Enum.Parse<Look>(parse.GetValue(look)!, ignoreCase: true),
                parse.GetValue(years),
                parse.GetValue(session),
                parse.GetValue(pxPerMm),
                string.Equals(colour, "transparent", StringComparison.OrdinalIgnoreCase) ? null : Srgb8.ParseHex(colour),
                parse.GetValue(rate));
            return DesignRender.Run(request, Console.Out, Console.Error);
        });
        return command;
    }

    private static Option<double> Range(Option<double> option, double min, double max)
    {
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<double>();
            if (!double.IsFinite(value) || value < min || value > max)
            {
                r.AddError(FormattableString.Invariant($"{option.Name} must be between {min} and {max}."));
            }
        });
        return option;
    }
}

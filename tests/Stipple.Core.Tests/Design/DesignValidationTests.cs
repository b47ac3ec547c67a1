using Stipple.Core.Design;
using static Stipple.Core.Tests.Design.TestDesigns;

namespace Stipple.Core.Tests.Design;

public sealed class DesignValidationTests
{
    private static readonly DesignDocument Valid = Uniform(100);

    public static TheoryData<string, string> InvalidDocuments() => new()
    {
        { """{"schema":"stipple.design/9"}""", "schema" },
        { """{"hairline":{"points":[[0,80],[1,80]]}}""", "hairline.points" },
        { """{"zones":[{"name":"A","polygon":[[0,100],[10,100]]}]}""", "zones[0].polygon" },
        { """{"zones":[{"name":"Bow tie","polygon":[[-20,100],[20,140],[20,100],[-20,140]]}]}""", "zones[0].polygon" },
        { """{"zones":[{"name":"A","polygon":[[-20,100],[20,100],[20,140],[-20,140]],"densityPerCm2":500}]}""", "zones[0].densityPerCm2" },
        { """{"zones":[{"name":"A","polygon":[[-20,100],[20,100],[20,140],[-20,140]],"dotDiameterMm":0.01}]}""", "zones[0].dotDiameterMm" },
        { """{"zones":[{"name":"A","polygon":[[-20,100],[20,100],[900,140],[-20,140]]}]}""", "zones[0].polygon[2]" },
        { """{"zones":[{"name":"A","polygon":[[-20,100],[20,100],[20,140],[-20,140]],"shade":"brown"}]}""", "zones[0].shade" },
        { """{"zones":[{"name":"","polygon":[[-20,100],[20,100],[20,140],[-20,140]]}]}""", "zones[0].name" },
        { """{"zones":[{"name":"A","kind":"eyebrow","polygon":[[-20,100],[20,100],[20,140],[-20,140]]}]}""", "zones[0].kind" },
        { """{"transition":{"depthMm":20}}""", "transition.depthMm" },
        { """{"sessions":{"count":5}}""", "sessions.count" },
        { """{"sessions":{"count":3,"ramp":[0.3,0.7,0.9],"shadeStrength":[0.75,0.9,1]}}""", "sessions.ramp[2]" },
        { """{"sessions":{"count":2,"ramp":[0.3,0.7,1],"shadeStrength":[0.75,1]}}""", "sessions.ramp" },
        { """{"sessions":{"count":3,"ramp":[0.3,0.7,1],"shadeStrength":[0.75,0.9,3]}}""", "sessions.shadeStrength[2]" },
        { """{"seed":-1}""", "seed" },
        { """{"zones":[{"name":"A","polygon":[["x",1],[2,3],[4,5]]}]}""", "zones[0].polygon[0]" },
        { """{"hairline":null}""", "hairline" },
        { """{"hairlne":{}}""", "hairlne" },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void An_invalid_document_names_the_offending_field(string patch, string field)
    {
        var result = DesignJson.Parse(Merge(patch));

        result.IsValid.ShouldBeFalse();
        result.Errors.Select(e => e.Field).ShouldContain(f => f.StartsWith(field, StringComparison.Ordinal), $"errors: {string.Join("; ", result.Errors)}");
        result.Errors.ShouldAllBe(e => e.Message.Length > 5 && !e.Message.Contains("System."));
    }

    [Fact]
    public void Malformed_json_is_an_error_not_an_exception()
    {
        var result = DesignJson.Parse("""{"zones": [ {"name": "A", """);

        result.IsValid.ShouldBeFalse();
        result.Errors.Single().Message.ShouldContain("malformed");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_finite_numbers_are_refused(double value)
    {
        var zone = Valid.Zones[0] with { Polygon = [new(-20, 100), new(value, 100), new(20, 140)] };
        var result = DesignValidator.Check(Valid with { Zones = [zone] });

        result.Errors.ShouldContain(e => e.Field == "zones[0].polygon[1]" && e.Message.Contains("finite"));
        Should.Throw<DesignValidationException>(() => Stippler.Stipple(Valid with { Transition = new TransitionSpec { DepthMm = value } }))
            .Errors.ShouldContain(e => e.Field == "transition.depthMm");
    }

    [Fact]
    public void A_repeated_closing_vertex_is_accepted_and_dropped()
    {
        var zone = Valid.Zones[0] with { Polygon = [new(-20, 100), new(20, 100), new(20, 140), new(-20, 140), new(-20, 100)] };

        var result = DesignValidator.Check(Valid with { Zones = [zone] });

        result.Document!.Zones[0].Polygon.Count.ShouldBe(4);
    }

    [Fact]
    public void Every_zone_an_exclusion_is_refused()
    {
        var result = DesignValidator.Check(Valid with { Zones = [Valid.Zones[0] with { Kind = ZoneKind.Exclusion }] });

        result.Errors.ShouldContain(e => e.Field == "zones");
    }

    [Fact]
    public void A_male_hairline_below_70_mm_is_a_warning_and_below_40_an_error()
    {
        var low = DesignValidator.Check(Valid with { Hairline = new HairlineSpec { Points = [new(-100, 50), new(0, 65), new(100, 50)] } });
        var absurd = DesignValidator.Check(Valid with { Hairline = new HairlineSpec { Points = [new(-100, 20), new(0, 30), new(100, 20)] } });
        var high = DesignValidator.Check(Valid with { Hairline = new HairlineSpec { Points = [new(-100, 100), new(0, 105), new(100, 100)] } });

        low.IsValid.ShouldBeTrue();
        low.Warnings.ShouldContain(w => w.Field == "hairline.points" && w.Message.Contains("aggressive"));
        absurd.Errors.ShouldContain(e => e.Field == "hairline.points");
        high.Errors.ShouldContain(e => e.Field == "hairline.points" && e.Message.Contains("105.0"));
    }

    [Fact]
    public void Hairline_points_must_run_from_one_side_to_the_other_across_the_midline()
    {
        var backwards = DesignValidator.Check(Valid with { Hairline = new HairlineSpec { Points = [new(100, 60), new(0, 80), new(-100, 60)] } });
        var oneSided = DesignValidator.Check(Valid with { Hairline = new HairlineSpec { Points = [new(10, 60), new(20, 80), new(30, 60)] } });

        backwards.Errors.ShouldContain(e => e.Field == "hairline.points[1]");
        oneSided.Errors.ShouldContain(e => e.Field == "hairline.points" && e.Message.Contains("midline"));
    }

    [Fact]
    public void A_template_round_trips_through_json_unchanged()
    {
        var template = DesignTemplates.Create(TemplateKind.Female, 9);
        var json = DesignJson.Serialize(template);

        var parsed = DesignJson.Parse(json);

        parsed.IsValid.ShouldBeTrue();
        DesignJson.Serialize(parsed.Document!).ShouldBe(json);
        json.ShouldContain("\"schema\": \"stipple.design/1\"");
        json.ShouldContain("\"kind\": \"mid-scalp\"");
    }

    private static string Merge(string patch)
    {
        // Start from a valid document and overwrite the patch's top-level fields.
        var basis = System.Text.Json.Nodes.JsonNode.Parse(DesignJson.Serialize(Valid))!.AsObject();
        var overlay = System.Text.Json.Nodes.JsonNode.Parse(patch)!.AsObject();
        foreach (var (key, value) in overlay.ToList())
        {
            overlay.Remove(key);
            basis[key] = value;
        }

        return basis.ToJsonString();
    }
}

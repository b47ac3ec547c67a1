using Stipple.Core.Colour;

namespace Stipple.Core.Tests.Colour;

public sealed class CatalogueFileTests
{
    [Fact]
    public void Reads_pigments_by_hex_or_lab_and_the_ratios()
    {
        var result = CatalogueFile.Parse("""
            { "format": "stipple.pigments/1", "dilutions": "1:2, 1:0",
              "pigments": [
                { "manufacturer": "A", "product": "Black", "kind": "smp", "swatch": "#141414" },
                { "product": "Taupe", "kind": "PMU", "swatchLab": { "l": 30, "a": 4, "b": 6 } } ] }
            """);

        result.Succeeded.ShouldBeTrue();
        result.Pigments.Select(p => p.Name).ShouldBe(["A Black", "Taupe"]);
        result.Pigments[0].Swatch.ShouldBe(Lab.FromHex("#141414"));
        result.Pigments[1].Kind.ShouldBe(PigmentKind.Pmu);
        result.Pigments[1].Swatch.ShouldBe(new Lab(30, 4, 6));
        result.Dilutions.ShouldBe([new Dilution(1, 0), new Dilution(1, 2)]);
    }

    [Theory]
    [InlineData("""{ "pigments": [ { "product": "X", "kind": "smp", "swatchLab": { "l": 1e400, "a": 0, "b": 0 } } ] }""", "pigments[0].swatchLab.l")]
    [InlineData("""{ "pigments": [ { "product": "X", "kind": "smp", "swatchLab": { "l": 50, "a": 300, "b": 0 } } ] }""", "pigments[0].swatchLab.a")]
    [InlineData("""{ "pigments": [ { "product": "X", "kind": "smp", "swatch": "#141414", "swatchLab": { "l": 5, "a": 0, "b": 0 } } ] }""", "pigments[0].swatch")]
    [InlineData("""{ "pigments": [ { "kind": "smp", "swatch": "#141414" } ] }""", "pigments[0].product")]
    [InlineData("""{ "pigments": [ 3 ] }""", "pigments[0]")]
    [InlineData("""{ "pigments": {} }""", "pigments")]
    [InlineData("""{ "format": "other/2", "pigments": [] }""", "format")]
    [InlineData("""{ "pigments": [], "dilutions": "1:0, 0:3" }""", "dilutions[1]")]
    [InlineData("""[ 1, 2 ]""", "catalogue")]
    [InlineData("""{ "pigments": [ """, "catalogue")]
    public void Errors_name_the_json_path(string json, string field)
    {
        var result = CatalogueFile.Parse(json);
        result.Succeeded.ShouldBeFalse();
        result.Errors.Select(e => e.Field).ShouldContain(field);
    }
}

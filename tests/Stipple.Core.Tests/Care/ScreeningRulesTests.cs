using System.Reflection;
using Stipple.Core.Care;

namespace Stipple.Core.Tests.Care;

public sealed class ScreeningRulesTests
{
    [Fact]
    public void Every_id_constant_is_in_the_catalogue_once()
    {
        var constants = typeof(ScreeningRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToList();

        ScreeningRules.All.Select(r => r.Id).Order(StringComparer.Ordinal).ShouldBe(constants);
        ScreeningRules.All.Select(r => r.Id).ShouldBeUnique();
        ScreeningRules.All.ShouldAllBe(r => r.Title.Length > 0 && r.Source.Length > 0);
    }

    [Fact]
    public void The_catalogue_lists_hard_stops_first_and_warnings_last()
    {
        ScreeningRules.All.Select(r => r.DefaultOutcome).ShouldBe(ScreeningRules.All.Select(r => r.DefaultOutcome).OrderDescending());
        ScreeningRules.Find("pregnancy").ShouldNotBeNull().DefaultOutcome.ShouldBe(ScreeningOutcome.HardStop);
        ScreeningRules.Find("isotretinoin").ShouldNotBeNull().Source.ShouldBe("smp-facts §8.3, §13.1");
        ScreeningRules.Find("Pregnancy").ShouldBeNull();
        ScreeningRules.Find(null).ShouldBeNull();
    }

    [Fact]
    public void Exactly_the_clearance_rules_may_be_escalated()
    {
        ScreeningRules.Excludable.ShouldBe(
        [
            "anticoagulants", "bleeding-disorder", "diabetes", "heart", "valve", "immune", "epilepsy", "keloid",
        ]);
    }
}

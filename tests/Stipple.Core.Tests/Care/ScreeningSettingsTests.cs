using Stipple.Core.Care;

namespace Stipple.Core.Tests.Care;

public sealed class ScreeningSettingsTests
{
    [Fact]
    public void The_defaults_are_those_of_the_fact_sheet_and_valid()
    {
        var settings = ScreeningSettings.Default;

        settings.MinimumAge.ShouldBe(18);
        settings.IsotretinoinWaitDays.ShouldBe(180);
        settings.ChemotherapyWaitDays.ShouldBe(180);
        settings.ChemotherapyLookaheadDays.ShouldBe(28);
        settings.LaserRemovalWaitDays.ShouldBe(90);
        settings.TransplantWaitDays.ShouldBe(180);
        settings.ExcludeInsteadOfClearance.ShouldBeEmpty();
        settings.Validate().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("minimumAge", 17, "must be at least 18 years")]
    [InlineData("minimumAge", 100, "must be between 18 and 99 years")]
    [InlineData("isotretinoinWaitDays", 89, "must be between 90 and 365 days")]
    [InlineData("isotretinoinWaitDays", 366, "must be between 90 and 365 days")]
    [InlineData("chemotherapyWaitDays", 179, "must be between 180 and 365 days")]
    [InlineData("chemotherapyWaitDays", 366, "must be between 180 and 365 days")]
    [InlineData("chemotherapyLookaheadDays", -1, "must be between 0 and 90 days")]
    [InlineData("chemotherapyLookaheadDays", 91, "must be between 0 and 90 days")]
    [InlineData("laserRemovalWaitDays", 89, "must be between 90 and 365 days")]
    [InlineData("laserRemovalWaitDays", 366, "must be between 90 and 365 days")]
    [InlineData("transplantWaitDays", 179, "must be between 180 and 365 days")]
    [InlineData("transplantWaitDays", 366, "must be between 180 and 365 days")]
    public void Values_out_of_range_are_named(string field, int value, string message)
    {
        var settings = With(field, value);

        var issue = settings.Validate().ShouldHaveSingleItem();
        issue.Field.ShouldBe(field);
        issue.Message.ShouldStartWith(message);
    }

    [Theory]
    [InlineData("minimumAge", 18)]
    [InlineData("minimumAge", 99)]
    [InlineData("isotretinoinWaitDays", 90)]
    [InlineData("isotretinoinWaitDays", 365)]
    [InlineData("chemotherapyWaitDays", 365)]
    [InlineData("chemotherapyLookaheadDays", 0)]
    [InlineData("chemotherapyLookaheadDays", 90)]
    [InlineData("laserRemovalWaitDays", 365)]
    [InlineData("transplantWaitDays", 365)]
    public void The_ends_of_each_range_are_valid(string field, int value)
    {
        With(field, value).Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Only_known_clearance_rules_may_be_excluded()
    {
        var settings = ScreeningSettings.Default with
        {
            ExcludeInsteadOfClearance = new HashSet<string>(StringComparer.Ordinal) { "keloid", "Keloid", "age", "diabetes" },
        };

        var issues = settings.Validate();

        issues.Select(i => i.Field).ShouldBe(["excludeInsteadOfClearance", "excludeInsteadOfClearance"]);
        issues[0].Message.ShouldStartWith("unknown rule id \"Keloid\"; allowed: anticoagulants, bleeding-disorder, diabetes");
        issues[1].Message.ShouldStartWith("\"age\" is not a medical-clearance rule");
    }

    [Fact]
    public void Settings_compare_the_excluded_rules_as_a_set()
    {
        var a = ScreeningSettings.Default with { ExcludeInsteadOfClearance = new HashSet<string>(StringComparer.Ordinal) { "keloid", "epilepsy" } };
        var b = ScreeningSettings.Default with { ExcludeInsteadOfClearance = new SortedSet<string>(StringComparer.Ordinal) { "epilepsy", "keloid" } };

        a.ShouldBe(b);
        a.GetHashCode().ShouldBe(b.GetHashCode());
        a.ShouldNotBe(ScreeningSettings.Default);
        (ScreeningSettings.Default with { MinimumAge = 21 }).ShouldNotBe(ScreeningSettings.Default);
        new ScreeningSettings().ShouldBe(ScreeningSettings.Default);
    }

    private static ScreeningSettings With(string field, int value) => field switch
    {
        "minimumAge" => ScreeningSettings.Default with { MinimumAge = value },
        "isotretinoinWaitDays" => ScreeningSettings.Default with { IsotretinoinWaitDays = value },
        "chemotherapyWaitDays" => ScreeningSettings.Default with { ChemotherapyWaitDays = value },
        "chemotherapyLookaheadDays" => ScreeningSettings.Default with { ChemotherapyLookaheadDays = value },
        "laserRemovalWaitDays" => ScreeningSettings.Default with { LaserRemovalWaitDays = value },
        "transplantWaitDays" => ScreeningSettings.Default with { TransplantWaitDays = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}

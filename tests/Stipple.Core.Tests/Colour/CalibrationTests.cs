using Stipple.Core.Colour;

namespace Stipple.Core.Tests.Colour;

public sealed class CalibrationTests
{
    private static readonly AppearanceParameters Truth = AppearanceParameters.Default.WithHealed(0.8, 0.3, 0.5);

    [Fact]
    public void A_least_squares_fit_recovers_the_parameters_that_made_the_records()
    {
        var records = Records(24, noise: 0);

        var fitted = Calibration.Fit(records, AppearanceParameters.Default);

        fitted.HealedStrength.ShouldBe(Truth.HealedStrength, 0.01);
        fitted.HealedVeil.ShouldBe(Truth.HealedVeil, 0.01);
        fitted.ScatterTilt.ShouldBe(Truth.ScatterTilt, 0.02);
        fitted.FreshStrength.ShouldBe(AppearanceParameters.Default.FreshStrength);
    }

    [Fact]
    public void With_measurement_noise_the_held_out_error_falls_after_refitting()
    {
        var records = Records(20, noise: 1.5);

        var result = Calibration.Run(records, AppearanceParameters.Default);

        result.Refitted.ShouldBeTrue();
        result.Folds.ShouldBe(20);
        result.HeldOutErrorBefore.ShouldNotBeNull();
        result.HeldOutErrorAfter.ShouldNotBeNull();
        result.HeldOutErrorAfter.Value.ShouldBeLessThan(result.HeldOutErrorBefore.Value / 2);
        result.HeldOutErrorBefore.Value.ShouldBe(records.Average(r => Calibration.Error(r, AppearanceParameters.Default)), 1e-9);
        result.Parameters.HealedStrength.ShouldBe(Truth.HealedStrength, 0.1);
    }

    [Fact]
    public void Fewer_than_five_records_keep_the_starting_parameters()
    {
        var result = Calibration.Run(Records(4, noise: 0), AppearanceParameters.Default);
        result.Refitted.ShouldBeFalse();
        result.Parameters.ShouldBe(AppearanceParameters.Default);
        result.HeldOutErrorAfter.ShouldBeNull();

        Calibration.Run(Records(5, noise: 0), AppearanceParameters.Default).Refitted.ShouldBeTrue();
    }

    [Fact]
    public void Many_records_are_cross_validated_in_ten_folds()
    {
        var result = Calibration.Run(Records(60, noise: 1), AppearanceParameters.Default);
        result.Folds.ShouldBe(10);
        result.HeldOutErrorAfter!.Value.ShouldBeLessThan(result.HeldOutErrorBefore!.Value);
    }

    [Fact]
    public void The_fit_stays_inside_the_parameter_ranges()
    {
        // Healed colours far darker than any pigment could give push the strength to its bound, not past it.
        var records = Records(8, noise: 0).Select(r => r with { Healed = new Lab(2, 0, 0) }).ToList();
        var fitted = Calibration.Fit(records, AppearanceParameters.Default);
        fitted.IsValid().ShouldBeTrue();
        fitted.HealedStrength.ShouldBeLessThanOrEqualTo(AppearanceParameters.StrengthRange.Max);
    }

    private static List<CalibrationRecord> Records(int count, double noise)
    {
        string[] swatches = ["#141414", "#2a211d", "#3b2a20", "#3a3a3e", "#4a3f3a"];
        var random = new Random(42);
        var records = new List<CalibrationRecord>();
        for (var i = 0; i < count; i++)
        {
            var swatch = Lab.FromHex(swatches[i % swatches.Length]);
            var dilution = Dilution.Defaults[(i * 3) % Dilution.Defaults.Count];
            var skin = ManualColours.SkinFor((i % 6) + 1, (Undertone)(i % 3));
            var healed = AppearanceModel.Healed(swatch, dilution, skin, Truth);
            if (noise > 0)
            {
                healed = new Lab(healed.L + Noise(random, noise), healed.A + Noise(random, noise), healed.B + Noise(random, noise));
            }

            records.Add(new CalibrationRecord(swatch, dilution, skin, healed));
        }

        return records;
    }

    private static double Noise(Random random, double size) => ((random.NextDouble() * 2) - 1) * size;
}

namespace Stipple.Core.Colour;

/// <summary>One healed result a studio measured: the pigment's swatch, the dilution, the skin and the healed colour.</summary>
public sealed record CalibrationRecord(Lab Swatch, Dilution Dilution, Lab Skin, Lab Healed);

/// <summary>
/// What calibration produced: the parameters to use (refitted from <see cref="Calibration.MinRecords"/> records on,
/// else the starting ones) and the mean ΔE00 on held-out records with the starting and with the refitted parameters.
/// </summary>
public sealed record CalibrationResult(
    AppearanceParameters Parameters,
    int RecordCount,
    bool Refitted,
    double? HeldOutErrorBefore,
    double? HeldOutErrorAfter,
    int Folds);

/// <summary>
/// Refits the healed part of <see cref="AppearanceModel"/> (strength κ, veil v, blue scatter τ) to a studio's measured
/// healed colours by nonlinear least squares (Levenberg–Marquardt on the L*a*b* residuals, parameters kept inside
/// their ranges). The error it reports is cross-validated: each record is predicted by a fit that did not see it
/// (leave-one-out up to <see cref="LeaveOneOutLimit"/> records, then ten folds), and compared with the starting
/// parameters on the same records.
/// </summary>
public static class Calibration
{
    /// <summary>Records needed before the studio's parameters replace the defaults (issue 4).</summary>
    public const int MinRecords = 5;

    /// <summary>Up to this many records every record is held out on its own; above it, ten folds.</summary>
    public const int LeaveOneOutLimit = 40;

    private const int MaxIterations = 200;

    public static CalibrationResult Run(IReadOnlyList<CalibrationRecord> records, AppearanceParameters start)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(start);
        if (records.Count < MinRecords)
        {
            return new CalibrationResult(start, records.Count, false, null, null, 0);
        }

        var folds = records.Count <= LeaveOneOutLimit ? records.Count : 10;
        double before = 0;
        double after = 0;
        for (var fold = 0; fold < folds; fold++)
        {
            var training = new List<CalibrationRecord>(records.Count);
            var heldOut = new List<CalibrationRecord>();
            for (var i = 0; i < records.Count; i++)
            {
                (i % folds == fold ? heldOut : training).Add(records[i]);
            }

            var fitted = Fit(training, start);
            foreach (var record in heldOut)
            {
                before += Error(record, start);
                after += Error(record, fitted);
            }
        }

        return new CalibrationResult(Fit(records, start), records.Count, true, before / records.Count, after / records.Count, folds);
    }

    /// <summary>The healed parameters that minimise the squared L*a*b* error over <paramref name="records"/>.</summary>
    public static AppearanceParameters Fit(IReadOnlyList<CalibrationRecord> records, AppearanceParameters start)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(start);
        if (records.Count == 0)
        {
            return start;
        }

        var prepared = records.Select(r => (Density: AppearanceModel.PigmentDensity.Of(r.Swatch), r.Dilution.Concentration, Skin: LinearRgb.Of(r.Skin), r.Healed)).ToArray();
        var theta = new[] { start.HealedStrength, start.HealedVeil, start.ScatterTilt };
        var residuals = new double[prepared.Length * 3];
        var trial = new double[residuals.Length];
        var jacobian = new double[residuals.Length, 3];
        var cost = Residuals(prepared, theta, residuals);
        var lambda = 1e-3;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            // Forward-difference Jacobian, stepping inward at a bound.
            for (var p = 0; p < 3; p++)
            {
                var step = 1e-6 * Math.Max(1, Math.Abs(theta[p]));
                var shifted = (double[])theta.Clone();
                shifted[p] = theta[p] + step <= Bounds(p).Max ? theta[p] + step : theta[p] - step;
                Residuals(prepared, shifted, trial);
                var delta = shifted[p] - theta[p];
                for (var i = 0; i < residuals.Length; i++)
                {
                    jacobian[i, p] = (trial[i] - residuals[i]) / delta;
                }
            }

            var normal = new double[3, 3];
            var gradient = new double[3];
            for (var i = 0; i < residuals.Length; i++)
            {
                for (var p = 0; p < 3; p++)
                {
                    gradient[p] += jacobian[i, p] * residuals[i];
                    for (var q = 0; q < 3; q++)
                    {
                        normal[p, q] += jacobian[i, p] * jacobian[i, q];
                    }
                }
            }

            var improved = false;
            while (lambda < 1e12)
            {
                var damped = (double[,])normal.Clone();
                for (var p = 0; p < 3; p++)
                {
                    damped[p, p] += lambda * Math.Max(normal[p, p], 1e-9);
                }

                var step = Solve3(damped, gradient);
                var candidate = new double[3];
                for (var p = 0; p < 3; p++)
                {
                    candidate[p] = Math.Clamp(theta[p] - step[p], Bounds(p).Min, Bounds(p).Max);
                }

                var candidateCost = Residuals(prepared, candidate, trial);
                if (candidateCost < cost)
                {
                    var converged = cost - candidateCost < 1e-12 * Math.Max(cost, 1e-12);
                    theta = candidate;
                    cost = candidateCost;
                    (residuals, trial) = (trial, residuals);
                    lambda = Math.Max(lambda / 3, 1e-12);
                    improved = !converged;
                    break;
                }

                lambda *= 4;
            }

            if (!improved)
            {
                break;
            }
        }

        return start.WithHealed(theta[0], theta[1], theta[2]);
    }

    /// <summary>ΔE00 between a record's measured healed colour and the prediction.</summary>
    public static double Error(CalibrationRecord record, AppearanceParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Ciede2000.Difference(record.Healed, AppearanceModel.Healed(record.Swatch, record.Dilution, record.Skin, parameters));
    }

    private static (double Min, double Max) Bounds(int parameter) => parameter switch
    {
        0 => AppearanceParameters.StrengthRange,
        1 => AppearanceParameters.VeilRange,
        _ => AppearanceParameters.TiltRange,
    };

    private static double Residuals((AppearanceModel.PigmentDensity Density, double Concentration, LinearRgb Skin, Lab Healed)[] records, double[] theta, double[] into)
    {
        double sum = 0;
        for (var i = 0; i < records.Length; i++)
        {
            var (density, concentration, skin, healed) = records[i];
            var predicted = AppearanceModel.Predict(density, concentration, skin, theta[0], theta[1], theta[2]);
            into[3 * i] = predicted.L - healed.L;
            into[(3 * i) + 1] = predicted.A - healed.A;
            into[(3 * i) + 2] = predicted.B - healed.B;
            sum += (into[3 * i] * into[3 * i]) + (into[(3 * i) + 1] * into[(3 * i) + 1]) + (into[(3 * i) + 2] * into[(3 * i) + 2]);
        }

        return sum;
    }

    /// <summary>Solves the 3 × 3 system m·x = v by Cramer's rule (m is symmetric positive definite once damped).</summary>
    private static double[] Solve3(double[,] m, double[] v)
    {
        static double Det(double[,] a) =>
            (a[0, 0] * ((a[1, 1] * a[2, 2]) - (a[1, 2] * a[2, 1])))
            - (a[0, 1] * ((a[1, 0] * a[2, 2]) - (a[1, 2] * a[2, 0])))
            + (a[0, 2] * ((a[1, 0] * a[2, 1]) - (a[1, 1] * a[2, 0])));

        var det = Det(m);
        if (Math.Abs(det) < 1e-300)
        {
            return [0, 0, 0];
        }

        var x = new double[3];
        for (var c = 0; c < 3; c++)
        {
            var replaced = (double[,])m.Clone();
            for (var r = 0; r < 3; r++)
            {
                replaced[r, c] = v[r];
            }

            x[c] = Det(replaced) / det;
        }

        return x;
    }
}

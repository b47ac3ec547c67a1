namespace Stipple.Core.Colour;

/// <summary>A catalogue entry as the matcher sees it.</summary>
/// <param name="Id">The caller's key (a database id, a line in a file).</param>
/// <param name="Name">What people call it, e.g. "Demo Pigment Co. Carbon Black SMP".</param>
/// <param name="Swatch">The measured colour of the undiluted pigment drawn down on white.</param>
/// <param name="Kind">SMP or PMU pigments are ranked; tattoo ink is set aside (smp-facts §13.3).</param>
public sealed record MatchPigment(string Id, string Name, Lab Swatch, PigmentKind Kind);

/// <summary>What to match: a target shade on a skin, against pigments at the studio's dilutions.</summary>
public sealed record MatchRequest(
    Lab Target,
    Lab Skin,
    IReadOnlyList<MatchPigment> Pigments,
    IReadOnlyList<Dilution> Dilutions,
    AppearanceParameters Parameters);

/// <summary>
/// One pigment at one dilution: its predicted fresh and healed colour and ΔE00 from the target; and for session 1
/// the same pigment one step lighter (smp-facts §13.3), with its own prediction.
/// </summary>
public sealed record Recommendation(
    int Rank,
    MatchPigment Pigment,
    Dilution Dilution,
    Lab Fresh,
    Lab Healed,
    double DeltaE,
    Dilution SessionOneDilution,
    Lab SessionOneHealed,
    double SessionOneDeltaE);

/// <summary>Every selectable pigment × dilution, best first, and the products set aside.</summary>
public sealed record MatchResult(Lab Target, Lab Skin, IReadOnlyList<Recommendation> Ranked, IReadOnlyList<MatchPigment> SetAside);

/// <summary>
/// Ranks every SMP/PMU pigment × dilution by CIEDE2000 between its predicted healed colour (<see cref="AppearanceModel"/>)
/// and the target. Ties go to the pigment's name, then the stronger mix, so the order is stable.
/// </summary>
public static class PigmentMatcher
{
    /// <summary>The most pigments one match may rank.</summary>
    public const int MaxPigments = 1000;

    /// <summary>
    /// What is wrong with a request, by field: <c>target.l</c>, <c>skin.b</c>, <c>pigments</c>,
    /// <c>pigments[3].swatch.a</c>, <c>dilutions</c>, <c>dilutions[1]</c>. Empty when it can be ranked.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Validate(MatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<(string, string)>();
        AddLab(errors, "target", request.Target);
        AddLab(errors, "skin", request.Skin);
        if (request.Pigments.Count == 0)
        {
            errors.Add(("pigments", "the catalogue is empty: add at least one SMP or PMU pigment with its swatch colour."));
        }
        else if (request.Pigments.Count > MaxPigments)
        {
            errors.Add(("pigments", $"may hold at most {MaxPigments} pigments."));
        }
        else if (!request.Pigments.Any(p => p.Kind.IsSelectable()))
        {
            errors.Add(("pigments", "holds no SMP or PMU pigment: tattoo ink drifts blue or green and is never recommended."));
        }

        for (var i = 0; i < Math.Min(request.Pigments.Count, MaxPigments); i++)
        {
            AddLab(errors, $"pigments[{i}].swatch", request.Pigments[i].Swatch);
        }

        if (request.Dilutions.Count == 0)
        {
            errors.Add(("dilutions", "needs at least one ratio, e.g. 1:0."));
        }
        else if (request.Dilutions.Count > Dilution.MaxRatios)
        {
            errors.Add(("dilutions", $"may list at most {Dilution.MaxRatios} ratios."));
        }

        for (var i = 0; i < Math.Min(request.Dilutions.Count, Dilution.MaxRatios); i++)
        {
            if (Dilution.Check(request.Dilutions[i].PigmentParts, request.Dilutions[i].WaterParts) is { } message)
            {
                errors.Add(($"dilutions[{i}]", message));
            }
        }

        if (request.Parameters is null || !request.Parameters.IsValid())
        {
            errors.Add(("parameters", "are missing or out of range."));
        }

        return errors;
    }

    /// <summary>Ranks a valid request (see <see cref="Validate"/>); throws <see cref="ArgumentException"/> otherwise.</summary>
    public static MatchResult Rank(MatchRequest request)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"{errors[0].Field}: {errors[0].Message}", nameof(request));
        }

        var parameters = request.Parameters;
        var ladder = request.Dilutions.OrderByDescending(d => d.Concentration).ToArray();
        var lighter = new Dilution[ladder.Length];
        for (var i = 0; i < ladder.Length; i++)
        {
            lighter[i] = ladder[i].OneStepLighter(ladder);
        }

        var skin = LinearRgb.Of(request.Skin);
        var selectable = request.Pigments.Where(p => p.Kind.IsSelectable()).ToArray();
        var count = selectable.Length * ladder.Length;

        // Predict every final and session-1 healed colour first, then take all ΔE00 in one batch against the target.
        var healed = new Lab[2 * count];
        var fresh = new Lab[count];
        for (var p = 0; p < selectable.Length; p++)
        {
            var density = AppearanceModel.PigmentDensity.Of(selectable[p].Swatch);
            for (var i = 0; i < ladder.Length; i++)
            {
                var at = (p * ladder.Length) + i;
                healed[at] = Healed(density, ladder[i], skin, parameters);
                healed[count + at] = Healed(density, lighter[i], skin, parameters);
                fresh[at] = AppearanceModel.Predict(density, ladder[i].Concentration, skin, parameters.FreshStrength, parameters.FreshVeil, parameters.ScatterTilt);
            }
        }

        var deltas = new double[2 * count];
        new Ciede2000Target(request.Target).Differences(healed, deltas);
        var entries = new List<Recommendation>(count);
        for (var p = 0; p < selectable.Length; p++)
        {
            for (var i = 0; i < ladder.Length; i++)
            {
                var at = (p * ladder.Length) + i;
                entries.Add(new Recommendation(0, selectable[p], ladder[i], fresh[at], healed[at], deltas[at], lighter[i], healed[count + at], deltas[count + at]));
            }
        }

        entries.Sort(static (x, y) =>
        {
            var byDelta = x.DeltaE.CompareTo(y.DeltaE);
            if (byDelta != 0)
            {
                return byDelta;
            }

            var byName = string.CompareOrdinal(x.Pigment.Name, y.Pigment.Name);
            return byName != 0 ? byName : y.Dilution.Concentration.CompareTo(x.Dilution.Concentration);
        });
        var ranked = new Recommendation[entries.Count];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = entries[i] with { Rank = i + 1 };
        }

        return new MatchResult(request.Target, request.Skin, ranked, [.. request.Pigments.Where(p => !p.Kind.IsSelectable())]);
    }

    private static Lab Healed(AppearanceModel.PigmentDensity density, Dilution dilution, LinearRgb skin, AppearanceParameters parameters) =>
        AppearanceModel.Predict(density, dilution.Concentration, skin, parameters.HealedStrength, parameters.HealedVeil, parameters.ScatterTilt);

    private static void AddLab(List<(string, string)> errors, string field, Lab lab)
    {
        if (Lab.Check(lab.L, lab.A, lab.B) is { } problem)
        {
            errors.Add(($"{field}.{problem.Component}", problem.Message));
        }
    }
}

using BenchmarkDotNet.Attributes;
using Stipple.Core.Colour;

namespace Stipple.Benchmarks;

/// <summary>
/// Ranking a catalogue: 100 pigments × 8 dilutions (800 healed predictions, 800 session-1 predictions, 800 fresh ones,
/// 1,600 ΔE00 and the sort) must take under 1 ms. Also one calibration of 40 records (a fit per left-out record plus
/// the final fit), which runs when a studio saves a healed result.
/// </summary>
[MemoryDiagnoser]
public class MatchBenchmarks
{
    private readonly MatchRequest request;
    private readonly List<CalibrationRecord> records;

    public MatchBenchmarks()
    {
        var random = new Random(100);
        var pigments = Enumerable.Range(0, 100)
            .Select(i => new MatchPigment(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Pigment {i}", new Lab(8 + (30 * random.NextDouble()), (12 * random.NextDouble()) - 2, (16 * random.NextDouble()) - 4), PigmentKind.Smp))
            .ToList();
        Dilution[] ladder = [new(1, 0), new(3, 1), new(2, 1), new(1, 1), new(1, 2), new(1, 3), new(1, 4), new(1, 6)];
        var skin = ManualColours.SkinFor(3, Undertone.Neutral);
        request = new MatchRequest(AppearanceModel.Stubble(ManualColours.HairFor(3), skin, AppearanceParameters.Default), skin, pigments, ladder, AppearanceParameters.Default);

        var truth = AppearanceParameters.Default.WithHealed(0.8, 0.3, 0.5);
        records = [.. Enumerable.Range(0, 40).Select(i =>
        {
            var swatch = pigments[i].Swatch;
            var dilution = ladder[i % ladder.Length];
            var recordSkin = ManualColours.SkinFor((i % 6) + 1, Undertone.Neutral);
            var healed = AppearanceModel.Healed(swatch, dilution, recordSkin, truth);
            return new CalibrationRecord(swatch, dilution, recordSkin, healed with { L = healed.L + (random.NextDouble() - 0.5) });
        })];
    }

    [Benchmark]
    public int Rank100PigmentsBy8Dilutions() => PigmentMatcher.Rank(request).Ranked.Count;

    [Benchmark]
    public double Calibrate40Records() => Calibration.Run(records, AppearanceParameters.Default).HeldOutErrorAfter ?? 0;
}

using BenchmarkDotNet.Attributes;
using Stipple.Core.Colour;

namespace Stipple.Benchmarks;

/// <summary>
/// Pigment matching compares one target colour with many candidates; the target is at least 10 million ΔE00 per
/// second on one core (≤ 100 ns each). Every benchmark computes ΔE00 from one target to the same 100,000 random
/// candidates (seeded; L* 0–100, a*, b* −128…128) and counts each ΔE00 as one operation, so Mean reads as the time
/// per ΔE00 (1000 / Mean in ns = millions per second).
/// </summary>
public class ColourBenchmarks
{
    private const int Candidates = 100_000;

    private readonly Lab target;
    private readonly Lab[] candidates;
    private readonly double[] results = new double[Candidates];

    public ColourBenchmarks()
    {
        var random = new Random(2005);
        target = RandomLab(random);
        candidates = [.. Enumerable.Range(0, Candidates).Select(_ => RandomLab(random))];
    }

    /// <summary>The reference <see cref="Ciede2000.Difference(Lab, Lab)"/> (Sharma et al.'s steps, degree trig), one pair per call.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Candidates)]
    public void Reference()
    {
        for (var i = 0; i < candidates.Length; i++)
        {
            results[i] = Ciede2000.Difference(target, candidates[i]);
        }
    }

    /// <summary><see cref="Ciede2000Target.DifferenceTo"/>, one candidate per call (what a matcher looping over colours pays).</summary>
    [Benchmark(OperationsPerInvoke = Candidates)]
    public void TargetOneByOne()
    {
        var fast = new Ciede2000Target(target);
        for (var i = 0; i < candidates.Length; i++)
        {
            results[i] = fast.DifferenceTo(candidates[i]);
        }
    }

    /// <summary><see cref="Ciede2000Target.Differences"/> over the whole batch (four colours per vector): the path the 10 M/s target is for.</summary>
    [Benchmark(OperationsPerInvoke = Candidates)]
    public void TargetBatch() => new Ciede2000Target(target).Differences(candidates, results);

    private static Lab RandomLab(Random random) =>
        new(100 * random.NextDouble(), (256 * random.NextDouble()) - 128, (256 * random.NextDouble()) - 128);
}

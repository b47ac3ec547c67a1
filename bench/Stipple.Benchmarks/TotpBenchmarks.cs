using BenchmarkDotNet.Attributes;
using NodaTime;
using Stipple.Core.Security;

namespace Stipple.Benchmarks;

/// <summary>Two-factor sign-in verifies a code on every second step; this is its cost (three HMAC-SHA1 steps).</summary>
[MemoryDiagnoser]
public class TotpBenchmarks
{
    private readonly byte[] secret = "12345678901234567890"u8.ToArray();
    private readonly Instant at = Instant.FromUnixTimeSeconds(1_111_111_109);
    private string code = "";

    [GlobalSetup]
    public void Setup() => code = Totp.Compute(secret, at);

    [Benchmark]
    public string Compute() => Totp.Compute(secret, at);

    [Benchmark]
    public bool VerifyCurrentCode() => Totp.Verify(secret, code, at, out _);

    [Benchmark]
    public bool RejectWrongCode() => Totp.Verify(secret, "000000", at, out _);
}

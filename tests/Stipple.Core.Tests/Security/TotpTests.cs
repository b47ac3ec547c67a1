using System.Text;
using NodaTime;
using Stipple.Core.Security;

namespace Stipple.Core.Tests.Security;

public sealed class TotpTests
{
    // RFC 6238 Appendix B: the SHA1 seed is the 20-byte ASCII string "12345678901234567890".
    private static readonly byte[] Rfc6238Secret = Encoding.ASCII.GetBytes("12345678901234567890");

    private static Instant At(long unixSeconds) => Instant.FromUnixTimeSeconds(unixSeconds);

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Compute_matches_RFC6238_appendix_B_SHA1_vectors(long unixSeconds, string expected)
    {
        Totp.Compute(Rfc6238Secret, At(unixSeconds), digits: 8).ShouldBe(expected);
    }

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    public void Compute_six_digits_is_the_low_six_digits_of_the_eight_digit_code(long unixSeconds, string expected)
    {
        Totp.Compute(Rfc6238Secret, At(unixSeconds)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(29L, 0L)]
    [InlineData(30L, 1L)]
    [InlineData(59L, 1L)]
    [InlineData(1111111109L, 37037036L)]
    [InlineData(20000000000L, 666666666L)]
    public void TimeStep_is_unix_seconds_divided_by_30(long unixSeconds, long expected)
    {
        Totp.TimeStep(At(unixSeconds)).ShouldBe(expected);
    }

    [Fact]
    public void TimeStep_rejects_instants_before_the_epoch()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Totp.TimeStep(At(-1)));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(0)]
    public void Compute_rejects_unsupported_digit_counts(int digits)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Totp.Compute(Rfc6238Secret, At(59), digits));
    }

    [Fact]
    public void Compute_rejects_empty_secret()
    {
        Should.Throw<ArgumentException>(() => Totp.Compute([], At(59)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void Verify_accepts_codes_within_one_step(int stepOffset)
    {
        var now = At(1_700_000_015);
        var code = Totp.Compute(Rfc6238Secret, now.Plus(Duration.FromSeconds(Totp.StepSeconds * stepOffset)));

        Totp.Verify(Rfc6238Secret, code, now).ShouldBeTrue();
        Totp.Verify(Rfc6238Secret, code, now, out var matched).ShouldBeTrue();
        matched.ShouldBe(Totp.TimeStep(now) + stepOffset);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(2)]
    [InlineData(-3)]
    [InlineData(10)]
    public void Verify_rejects_codes_two_or_more_steps_away(int stepOffset)
    {
        var now = At(1_700_000_015);
        var code = Totp.Compute(Rfc6238Secret, now.Plus(Duration.FromSeconds(Totp.StepSeconds * stepOffset)));

        Totp.Verify(Rfc6238Secret, code, now).ShouldBeFalse();
        Totp.Verify(Rfc6238Secret, code, now, out var matched).ShouldBeFalse();
        matched.ShouldBe(0L);
    }

    [Fact]
    public void Verify_with_zero_drift_accepts_only_the_current_step()
    {
        var now = At(1_700_000_015);
        var previous = Totp.Compute(Rfc6238Secret, now.Minus(Duration.FromSeconds(Totp.StepSeconds)));

        Totp.Verify(Rfc6238Secret, Totp.Compute(Rfc6238Secret, now), now, allowedDriftSteps: 0).ShouldBeTrue();
        Totp.Verify(Rfc6238Secret, previous, now, allowedDriftSteps: 0).ShouldBeFalse();
    }

    [Fact]
    public void Verify_with_wider_drift_accepts_two_steps_away()
    {
        var now = At(1_700_000_015);
        var code = Totp.Compute(Rfc6238Secret, now.Plus(Duration.FromSeconds(2 * Totp.StepSeconds)));

        Totp.Verify(Rfc6238Secret, code, now, out var matched, allowedDriftSteps: 2).ShouldBeTrue();
        matched.ShouldBe(Totp.TimeStep(now) + 2);
    }

    [Fact]
    public void Verify_reports_the_same_step_for_a_replayed_code_so_callers_can_refuse_it()
    {
        var first = At(1_700_000_010);
        var code = Totp.Compute(Rfc6238Secret, first);

        Totp.Verify(Rfc6238Secret, code, first, out var firstStep).ShouldBeTrue();
        Totp.Verify(Rfc6238Secret, code, first.Plus(Duration.FromSeconds(15)), out var replayStep).ShouldBeTrue();
        replayStep.ShouldBe(firstStep);
    }

    [Fact]
    public void Verify_ignores_spaces()
    {
        var now = At(59);
        Totp.Verify(Rfc6238Secret, " 287 082 ", now).ShouldBeTrue();
        Totp.Verify(Rfc6238Secret, "287082", now).ShouldBeTrue();
    }

    [Theory]
    [InlineData("287083")]
    [InlineData("000000")]
    [InlineData("")]
    [InlineData("      ")]
    [InlineData("28708")]
    [InlineData("2870820")]
    [InlineData("94287082")]
    [InlineData("28708a")]
    [InlineData("287-082")]
    [InlineData("+87082")]
    [InlineData("２８７０８２")] // full-width digits are not ASCII digits
    [InlineData("٢٨٧٠٨٢")] // Arabic-Indic digits are not ASCII digits
    [InlineData("287082\n")]
    [InlineData(null)]
    public void Verify_rejects_wrong_codes_garbage_and_wrong_lengths(string? code)
    {
        Totp.Verify(Rfc6238Secret, code, At(59)).ShouldBeFalse();
    }

    [Fact]
    public void Verify_rejects_a_code_for_a_different_secret()
    {
        var other = Encoding.ASCII.GetBytes("09876543210987654321");
        var now = At(1_700_000_015);
        Totp.Verify(other, Totp.Compute(Rfc6238Secret, now), now).ShouldBeFalse();
    }

    [Fact]
    public void Verify_near_the_epoch_skips_negative_steps()
    {
        var now = At(10);
        Totp.Verify(Rfc6238Secret, Totp.Compute(Rfc6238Secret, now), now, out var matched).ShouldBeTrue();
        matched.ShouldBe(0L);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Verify_rejects_out_of_range_drift(int drift)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Totp.Verify(Rfc6238Secret, "287082", At(59), drift));
    }

    [Fact]
    public void OtpAuthUri_has_the_key_uri_format()
    {
        Totp.OtpAuthUri("Stipple", "ana@example.com", Rfc6238Secret).ShouldBe(
            "otpauth://totp/Stipple:ana%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=Stipple&algorithm=SHA1&digits=6&period=30");
    }

    [Fact]
    public void OtpAuthUri_escapes_issuer_and_account()
    {
        var uri = Totp.OtpAuthUri("Ink & Co/Studio?", "ana+test@example.com #1", Rfc6238Secret);

        uri.ShouldBe(
            "otpauth://totp/Ink%20%26%20Co%2FStudio%3F:ana%2Btest%40example.com%20%231"
            + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=Ink%20%26%20Co%2FStudio%3F&algorithm=SHA1&digits=6&period=30");

        var parsed = new Uri(uri);
        parsed.Scheme.ShouldBe("otpauth");
        parsed.Host.ShouldBe("totp");
        Uri.UnescapeDataString(parsed.AbsolutePath).ShouldBe("/Ink & Co/Studio?:ana+test@example.com #1");
        parsed.Query.Split('&').Length.ShouldBe(5);
    }

    [Fact]
    public void OtpAuthUri_escapes_non_ascii_as_utf8()
    {
        Totp.OtpAuthUri("Estúdio", "zoë", Rfc6238Secret)
            .ShouldStartWith("otpauth://totp/Est%C3%BAdio:zo%C3%AB?secret=");
    }

    [Fact]
    public void OtpAuthUri_secret_round_trips_through_Base32()
    {
        var uri = new Uri(Totp.OtpAuthUri("Stipple", "ana", Rfc6238Secret));
        var secretParameter = uri.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("secret=", StringComparison.Ordinal));
        Base32.Decode(secretParameter["secret=".Length..]).ShouldBe(Rfc6238Secret);
    }

    [Theory]
    [InlineData("Stip:ple", "ana")]
    [InlineData("Stipple", "ana:b")]
    [InlineData("", "ana")]
    [InlineData("Stipple", " ")]
    public void OtpAuthUri_rejects_colons_and_blank_parts(string issuer, string account)
    {
        Should.Throw<ArgumentException>(() => Totp.OtpAuthUri(issuer, account, Rfc6238Secret));
    }
}

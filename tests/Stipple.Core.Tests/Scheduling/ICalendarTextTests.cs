using System.Text;
using Stipple.Core.Scheduling;

namespace Stipple.Core.Tests.Scheduling;

public sealed class ICalendarTextTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // RFC 5545 §3.3.11: backslash, semicolon and comma are escaped; a line break becomes \n.
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("a;b", @"a\;b")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("line one\nline two", @"line one\nline two")]
    [InlineData("line one\r\nline two", @"line one\nline two")]
    [InlineData("line one\rline two", @"line one\nline two")]
    [InlineData("Room 2, upstairs; ring twice\\knock", @"Room 2\, upstairs\; ring twice\\knock")]
    [InlineData("colon: stays", "colon: stays")]
    [InlineData("bell\u0007 dropped\ttab kept", "bell dropped\ttab kept")]
    public void Escape_follows_RFC5545_TEXT(string value, string expected)
    {
        ICalendarText.Escape(value).ShouldBe(expected);
    }

    [Fact]
    public void A_short_line_is_not_folded()
    {
        ICalendarText.Fold("SUMMARY:Session 1 of 3").ShouldBe("SUMMARY:Session 1 of 3\r\n");
    }

    [Fact]
    public void A_line_of_exactly_75_octets_stays_whole_and_76_folds()
    {
        var exactly = "DESCRIPTION:" + new string('x', 75 - 12);
        ICalendarText.Fold(exactly).ShouldBe(exactly + "\r\n");
        var longer = exactly + "y";
        ICalendarText.Fold(longer).ShouldBe(exactly + "\r\n y\r\n");
    }

    [Fact]
    public void Long_ascii_lines_fold_at_75_octets_and_unfold_to_the_original()
    {
        var line = "DESCRIPTION:" + string.Concat(Enumerable.Range(0, 60).Select(i => $"word{i} "));
        var folded = ICalendarText.Fold(line);
        var lines = SplitLines(folded);
        lines.Count.ShouldBeGreaterThan(3);
        lines.ShouldAllBe(l => Encoding.UTF8.GetByteCount(l) <= 75);
        lines[0].Length.ShouldBe(75);
        lines.Skip(1).ShouldAllBe(l => l.StartsWith(' '));
        Unfold(folded).ShouldBe(line);
    }

    [Theory]
    [InlineData("é")] // 2 octets
    [InlineData("日")] // 3 octets
    [InlineData("😀")] // 4 octets, a surrogate pair in UTF-16
    [InlineData("aé日😀")]
    public void Multi_byte_characters_are_never_split(string unit)
    {
        // Every offset of the folding point against the characters' boundaries: a prefix of 0–3 ASCII characters.
        for (var prefix = 0; prefix < 4; prefix++)
        {
            var line = "DESCRIPTION:" + new string('p', prefix) + string.Concat(Enumerable.Repeat(unit, 120));
            var folded = ICalendarText.Fold(line);
            var bytes = Encoding.UTF8.GetBytes(folded);
            var pieces = SplitOctets(bytes);
            foreach (var piece in pieces)
            {
                piece.Length.ShouldBeLessThanOrEqualTo(75);
                // Each physical line decodes on its own: no sequence was cut in two.
                Should.NotThrow(() => StrictUtf8.GetString(piece));
            }

            Unfold(folded).ShouldBe(line);
        }
    }

    [Fact]
    public void Folding_fills_lines_as_far_as_the_character_boundaries_allow()
    {
        // 12 ASCII octets, then 3-octet characters: the first line takes 21 of them (75 octets exactly).
        var line = "DESCRIPTION:" + new string('日', 60);
        var pieces = SplitOctets(Encoding.UTF8.GetBytes(ICalendarText.Fold(line)));
        pieces[0].Length.ShouldBe(75);
        // A continuation line: a space and 24 characters (73 octets); a 25th would make 76.
        pieces[1].Length.ShouldBe(73);
    }

    [Fact]
    public void A_line_break_inside_a_content_line_is_refused()
    {
        Should.Throw<ArgumentException>(() => ICalendarText.Fold("SUMMARY:a\nb"));
    }

    private static List<string> SplitLines(string folded)
    {
        folded.ShouldEndWith("\r\n");
        folded.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n');
        return [.. folded[..^2].Split("\r\n")];
    }

    private static List<byte[]> SplitOctets(byte[] bytes)
    {
        var pieces = new List<byte[]>();
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n')
            {
                pieces.Add(bytes[start..i]);
                start = i + 2;
                i++;
            }
        }

        start.ShouldBe(bytes.Length, "the text ends with CRLF");
        return pieces;
    }

    private static string Unfold(string folded) => folded[..^2].Replace("\r\n ", "", StringComparison.Ordinal);
}

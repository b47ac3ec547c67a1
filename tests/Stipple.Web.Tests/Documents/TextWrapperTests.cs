using Stipple.Web.Documents;

namespace Stipple.Web.Tests.Documents;

/// <summary>Word wrapping with a stand-in measure: every text element is one unit wide.</summary>
public sealed class TextWrapperTests
{
    private static double Units(string text) => new System.Globalization.StringInfo(text).LengthInTextElements;

    [Fact]
    public void Fills_each_line_greedily_and_collapses_spaces()
    {
        TextWrapper.Wrap("the quick  brown fox\tjumps over the lazy dog", 10, Units)
            .ShouldBe(["the quick", "brown fox", "jumps over", "the lazy", "dog"]);
    }

    [Fact]
    public void A_line_that_fits_exactly_stays_whole()
    {
        TextWrapper.Wrap("abcde fghij", 11, Units).ShouldBe(["abcde fghij"]);
        TextWrapper.Wrap("abcde fghij", 10.999, Units).ShouldBe(["abcde", "fghij"]);
    }

    [Fact]
    public void Blank_text_is_one_empty_line()
    {
        TextWrapper.Wrap("   ", 10, Units).ShouldBe([""]);
        TextWrapper.Wrap("", 10, Units).ShouldBe([""]);
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_into_full_lines_and_the_rest_joins_the_next_words()
    {
        TextWrapper.Wrap("see 0123456789abcdefXYZ ok then", 8, Units)
            .ShouldBe(["see", "01234567", "89abcdef", "XYZ ok", "then"]);
    }

    [Fact]
    public void Never_splits_a_surrogate_pair_or_a_combining_sequence()
    {
        // "e" + combining acute, and U+1F600 (two UTF-16 chars): each one element, one unit wide.
        var word = "ae\u0301b\U0001F600cd";
        var lines = TextWrapper.Wrap(word, 2, Units);

        lines.ShouldBe(["ae\u0301", "b\U0001F600", "cd"]);
        string.Concat(lines).ShouldBe(word);
    }

    [Fact]
    public void A_character_wider_than_the_line_still_prints_alone()
    {
        TextWrapper.Wrap("WW", 0.5, Units).ShouldBe(["W", "W"]);
    }

    [Fact]
    public void Refuses_a_width_that_is_not_positive()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => TextWrapper.Wrap("x", 0, Units));
        Should.Throw<ArgumentOutOfRangeException>(() => TextWrapper.Wrap("x", double.NaN, Units));
    }
}

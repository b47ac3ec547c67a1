using System.Text;
using Stipple.Core.Security;

namespace Stipple.Core.Tests.Security;

public sealed class Base32Tests
{
    // RFC 4648 §10 test vectors, with the trailing '=' padding removed (our encoder emits none).
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Encode_matches_RFC4648_vectors(string plain, string expected)
    {
        Base32.Encode(Encoding.ASCII.GetBytes(plain)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("MY", "f")]
    [InlineData("MZXQ", "fo")]
    [InlineData("MZXW6", "foo")]
    [InlineData("MZXW6YQ", "foob")]
    [InlineData("MZXW6YTB", "fooba")]
    [InlineData("MZXW6YTBOI", "foobar")]
    public void Decode_matches_RFC4648_vectors(string encoded, string expected)
    {
        Encoding.ASCII.GetString(Base32.Decode(encoded)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("MY======", "f")]
    [InlineData("MZXQ====", "fo")]
    [InlineData("MZXW6===", "foo")]
    [InlineData("MZXW6YQ=", "foob")]
    [InlineData("MZXW6YTBOI======", "foobar")]
    public void Decode_ignores_trailing_padding(string encoded, string expected)
    {
        Encoding.ASCII.GetString(Base32.Decode(encoded)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("mzxw6ytboi")]
    [InlineData("MzXw6YtBoI")]
    [InlineData("MZXW 6YTB OI")]
    [InlineData("mzxw-6ytb-oi")]
    [InlineData(" MZXW6YTBOI ")]
    public void Decode_is_case_insensitive_and_ignores_spaces_and_hyphens(string encoded)
    {
        Encoding.ASCII.GetString(Base32.Decode(encoded)).ShouldBe("foobar");
    }

    [Fact]
    public void Round_trips_every_length_and_byte_value()
    {
        var bytes = new byte[300];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((i * 97) + 13);
        }

        for (var length = 0; length <= bytes.Length; length++)
        {
            var data = bytes.AsSpan(0, length).ToArray();
            var encoded = Base32.Encode(data);
            encoded.Length.ShouldBe(((length * 8) + 4) / 5);
            encoded.ShouldAllBe(c => (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'));
            Base32.Decode(encoded).ShouldBe(data);
        }
    }

    [Fact]
    public void Round_trips_all_ones_and_all_zeros()
    {
        var ones = Enumerable.Repeat((byte)0xFF, 20).ToArray();
        var zeros = new byte[20];
        Base32.Encode(ones).ShouldBe(new string('7', 32));
        Base32.Encode(zeros).ShouldBe(new string('A', 32));
        Base32.Decode(Base32.Encode(ones)).ShouldBe(ones);
        Base32.Decode(Base32.Encode(zeros)).ShouldBe(zeros);
    }

    [Theory]
    [InlineData("MZXW1YTB", '1')]
    [InlineData("MZXW8YTB", '8')]
    [InlineData("MZXW0YTB", '0')]
    [InlineData("MZ=XW6YTB", '=')]
    [InlineData("MZXW_6YTB", '_')]
    [InlineData("MZXWÉYTB", 'É')]
    public void Decode_throws_FormatException_on_invalid_character(string encoded, char bad)
    {
        var ex = Should.Throw<FormatException>(() => Base32.Decode(encoded));
        ex.Message.ShouldContain($"'{bad}'");
        ex.Message.ShouldContain("Base32");
    }

    [Fact]
    public void Decode_describes_control_characters_by_code_point()
    {
        var ex = Should.Throw<FormatException>(() => Base32.Decode("MZ\tXW"));
        ex.Message.ShouldContain("U+0009");
    }

    [Theory]
    [InlineData("M")]
    [InlineData("MZX")]
    [InlineData("MZXW6Y")]
    [InlineData("MZXW6YTBO")]
    public void Decode_throws_FormatException_on_impossible_length(string encoded)
    {
        Should.Throw<FormatException>(() => Base32.Decode(encoded)).Message.ShouldContain("length");
    }

    [Fact]
    public void Decode_throws_on_null()
    {
        Should.Throw<ArgumentNullException>(() => Base32.Decode(null!));
    }
}

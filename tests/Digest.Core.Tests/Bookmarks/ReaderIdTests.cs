using Digest.Core.Bookmarks;

namespace Digest.Core.Tests.Bookmarks;

public sealed class ReaderIdTests
{
    [Fact]
    public void A_new_id_is_32_hex_digits_and_parses_back_to_the_same_hash()
    {
        var id = ReaderId.Create();

        Assert.Matches("^[0-9a-f]{32}$", id.CookieValue);
        Assert.Equal(id.Hash, ReaderId.Parse(id.CookieValue)!.Hash);
    }

    [Fact]
    public void The_hash_is_sha256_hex_and_never_the_id_itself()
    {
        var id = ReaderId.Create();

        Assert.Matches("^[0-9a-f]{64}$", id.Hash.Value);
        Assert.DoesNotContain(id.CookieValue, id.Hash.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(id.CookieValue, id.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_readers_have_different_ids_and_hashes()
    {
        var a = ReaderId.Create();
        var b = ReaderId.Create();

        Assert.NotEqual(a.CookieValue, b.CookieValue);
        Assert.NotEqual(a.Hash, b.Hash);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    [InlineData(" 0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcd\u0661f")]
    [InlineData("../../../../../../../etc/passwd00")]
    public void A_cookie_that_is_not_exactly_32_lower_case_hex_digits_is_no_reader(string? cookie) =>
        Assert.Null(ReaderId.Parse(cookie));
}

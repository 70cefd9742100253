using Digest.Core.Bookmarks;

namespace Digest.Core.Tests.Bookmarks;

public sealed class BookmarkTargetTests
{
    [Theory]
    [InlineData("day", "2025-10-22", BookmarkKind.Day, "2025-10-22")]
    [InlineData("section", "2025-10-22/arxiv", BookmarkKind.Section, "2025-10-22/arxiv")]
    [InlineData("section", "2025-10-22/medrxiv", BookmarkKind.Section, "2025-10-22/medrxiv")]
    [InlineData("paper", "2510.18876", BookmarkKind.Paper, "2510.18876")]
    [InlineData("paper", "2510.1887", BookmarkKind.Paper, "2510.1887")]
    [InlineData("paper", "hep-th/9901001", BookmarkKind.Paper, "hep-th/9901001")]
    [InlineData("paper", "10.1101/2025.10.20.683456", BookmarkKind.Paper, "10.1101/2025.10.20.683456")]
    [InlineData("paper", "10.1101/2025.10.20.ABC", BookmarkKind.Paper, "10.1101/2025.10.20.abc")]
    [InlineData("paper", "h-0123456789abcdef", BookmarkKind.Paper, "h-0123456789abcdef")]
    public void Well_formed_targets_parse_to_their_stored_form(string kind, string target, BookmarkKind expectedKind, string expectedTarget)
    {
        var parsed = BookmarkTarget.TryParse(kind, target);

        Assert.NotNull(parsed);
        Assert.Equal((expectedKind, expectedTarget), (parsed.Kind, parsed.Target));
    }

    [Theory]
    [InlineData("day", "2025-13-01")]
    [InlineData("day", "2025-1-01")]
    [InlineData("day", "2025-10-22/arxiv")]
    [InlineData("day", " 2025-10-22")]
    [InlineData("section", "2025-10-22")]
    [InlineData("section", "2025-10-22/ArXiv")]
    [InlineData("section", "2025-10-22/pubmed")]
    [InlineData("section", "2025-10-22/arxiv/")]
    [InlineData("paper", "2510.18876v1")]
    [InlineData("paper", "2510.188")]
    [InlineData("paper", "2025-10-22")]
    [InlineData("paper", "10.1101/has space")]
    [InlineData("paper", "10.1101/")]
    [InlineData("paper", "h-0123")]
    [InlineData("paper", "")]
    [InlineData("Day", "2025-10-22")]
    [InlineData("days", "2025-10-22")]
    [InlineData(null, "2025-10-22")]
    [InlineData("day", null)]
    public void Malformed_targets_are_refused(string? kind, string? target) =>
        Assert.Null(BookmarkTarget.TryParse(kind, target));

    [Fact]
    public void A_target_longer_than_the_limit_is_refused() =>
        Assert.Null(BookmarkTarget.TryParse("paper", "10.1101/" + new string('a', BookmarkTarget.MaxTargetLength)));

    [Fact]
    public void The_same_target_parsed_twice_is_equal() =>
        Assert.Equal(BookmarkTarget.Paper("10.1101/X"), BookmarkTarget.TryParse("paper", "10.1101/x"));
}

using Digest.Core.Bookmarks;
using Digest.Core.Storage;
using static Digest.Core.Tests.Bookmarks.BookmarkWorld;

namespace Digest.Core.Tests.Bookmarks;

public sealed class TransferCodeTests : IDisposable
{
    private const string Client = "203.0.113.7";
    private readonly BookmarkWorld _world = new();
    private readonly TransferRateLimits _limits;
    private readonly TransferCodes _codes;
    private readonly ReaderHash _maker = ReaderId.Create().Hash;
    private readonly ReaderHash _redeemer = ReaderId.Create().Hash;

    public TransferCodeTests()
    {
        _limits = new TransferRateLimits(_world.Clock);
        _codes = new TransferCodes(_world.Database, _limits, _world.Clock);
    }

    private BookmarkStore Store => _world.Store;

    public void Dispose() => _world.Dispose();

    [Fact]
    public void A_code_is_four_groups_of_unambiguous_characters_and_only_its_hash_is_stored()
    {
        var issue = _codes.Create(_maker);

        Assert.Equal(TransferCodeIssueStatus.Created, issue.Status);
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}(-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}){3}$", issue.Code);
        Assert.Equal(_world.Clock.GetUtcNow() + TimeSpan.FromMinutes(15), issue.ExpiresAt);
        using var connection = _world.Database.Open();
        var stored = Dapper.SqlMapper.QuerySingle<(string Hash, string Reader)>(connection, "SELECT code_hash, reader FROM transfer_code");
        Assert.DoesNotContain(TransferCodes.Normalise(issue.Code)!, stored.Hash, StringComparison.Ordinal);
        Assert.Equal(_maker.Value, stored.Reader);
    }

    [Fact]
    public void Redeeming_copies_the_makers_bookmarks_once()
    {
        Store.Add(_maker, Day22);
        Store.Add(_maker, Paper(DoiKey));
        Store.Add(_redeemer, Paper(DoiKey));
        var code = _codes.Create(_maker).Code!;

        var first = _codes.Redeem(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), _redeemer, Client);
        var second = _codes.Redeem(code, _redeemer, Client);

        Assert.Equal(new TransferRedemption(TransferRedemptionStatus.Merged, 1, 1, 0), first);
        Assert.Equal(TransferRedemptionStatus.Invalid, second.Status);
        Assert.True(Store.IsBookmarked(_redeemer, Day22));
        Assert.Equal(List(_maker).Days.Single().CreatedAt, List(_redeemer).Days.Single().CreatedAt);
        Assert.Equal(2, Store.Count(_maker));
    }

    [Fact]
    public void The_two_browsers_stay_separate_readers_after_a_transfer()
    {
        Store.Add(_maker, Day22);
        _codes.Redeem(_codes.Create(_maker).Code, _redeemer, Client);

        Store.Add(_maker, Day23);
        Store.Remove(_redeemer, Day22);

        Assert.Equal([Day23, Day22], List(_maker).Days.Select(d => d.Target));
        Assert.Empty(List(_redeemer).Days);
    }

    [Fact]
    public void A_code_expires_after_15_minutes()
    {
        Store.Add(_maker, Day22);
        var early = _codes.Create(_maker).Code;
        var late = _codes.Create(_maker).Code;

        _world.Clock.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(59));
        Assert.Equal(TransferRedemptionStatus.Merged, _codes.Redeem(early, _redeemer, Client).Status);
        _world.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TransferRedemptionStatus.Expired, _codes.Redeem(late, ReaderId.Create().Hash, Client).Status);
        Assert.Equal(TransferRedemptionStatus.Invalid, _codes.Redeem(late, ReaderId.Create().Hash, Client).Status);
    }

    [Fact]
    public void A_transfer_respects_the_redeemers_limit()
    {
        Store.Add(_maker, Day22);
        Store.Add(_maker, Day23);
        _world.Fill(_redeemer, BookmarkStore.MaxPerReader - 1);

        var result = _codes.Redeem(_codes.Create(_maker).Code, _redeemer, Client);

        Assert.Equal((1, 1), (result.Added, result.OverLimit));
        Assert.Equal(BookmarkStore.MaxPerReader, Store.Count(_redeemer));
    }

    [Fact]
    public void A_reader_may_create_five_codes_an_hour()
    {
        for (var i = 0; i < TransferRateLimits.CreationsPerHour; i++)
        {
            Assert.Equal(TransferCodeIssueStatus.Created, _codes.Create(_maker).Status);
            _world.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var refused = _codes.Create(_maker);
        Assert.Equal((TransferCodeIssueStatus.RateLimited, null), (refused.Status, refused.Code));
        Assert.Equal(_world.Clock.GetUtcNow() + TimeSpan.FromMinutes(55), refused.ExpiresAt);
        Assert.Equal(TransferCodeIssueStatus.Created, _codes.Create(_redeemer).Status);

        _world.Clock.Advance(TimeSpan.FromMinutes(55));
        Assert.Equal(TransferCodeIssueStatus.Created, _codes.Create(_maker).Status);
    }

    [Fact]
    public void Ten_failed_redemptions_block_the_client_even_with_a_good_code_for_15_minutes()
    {
        Store.Add(_maker, Day22);
        var good = _codes.Create(_maker).Code!;
        for (var i = 0; i < TransferRateLimits.FailedRedemptionsPer15Minutes; i++)
        {
            var guess = i % 2 == 0 ? "AAAA-AAAA-AAAA-AAAA" : "not a code";
            Assert.Equal(TransferRedemptionStatus.Invalid, _codes.Redeem(guess, ReaderId.Create().Hash, Client).Status);
        }

        Assert.Equal(TransferRedemptionStatus.RateLimited, _codes.Redeem(good, _redeemer, Client).Status);
        Assert.Equal(TransferRedemptionStatus.Merged, _codes.Redeem(good, _redeemer, "198.51.100.1").Status);
        Assert.Equal(TransferRedemptionStatus.Invalid, _codes.Redeem(good, _redeemer, Client + "x").Status);

        _world.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.False(_limits.IsRedemptionBlocked(Client, null));
    }

    [Fact]
    public void Ten_failed_redemptions_block_the_reader_from_any_client()
    {
        for (var i = 0; i < TransferRateLimits.FailedRedemptionsPer15Minutes; i++)
        {
            _codes.Redeem("AAAA-AAAA-AAAA-AAAA", _redeemer, $"10.0.0.{i}");
        }

        Assert.Equal(TransferRedemptionStatus.RateLimited, _codes.Redeem("AAAA-AAAA-AAAA-AAAA", _redeemer, "10.0.1.1").Status);
        Assert.True(_limits.RedemptionRetryAt("10.0.1.1", _redeemer) > _world.Clock.GetUtcNow());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCD-EFGH-JKMN-PQR")]
    [InlineData("ABCD-EFGH-JKMN-PQRSS")]
    [InlineData("ABCD-EFGH-JKMN-PQR0")]
    [InlineData("ABCD-EFGH-JKMN-PQRI")]
    public void Malformed_codes_normalise_to_nothing(string? code) => Assert.Null(TransferCodes.Normalise(code));

    [Fact]
    public void A_code_typed_in_lower_case_with_spaces_normalises() =>
        Assert.Equal("ABCDEFGHJKMNPQRS", TransferCodes.Normalise("abcd efgh-jkmn pqrs"));

    private BookmarkList List(ReaderHash reader) => Store.List(reader);
}

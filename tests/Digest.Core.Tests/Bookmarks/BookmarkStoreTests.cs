using Dapper;
using Digest.Core.Bookmarks;
using Digest.Core.Storage;
using Digest.Core.Tests.Support;
using static Digest.Core.Tests.Bookmarks.BookmarkWorld;

namespace Digest.Core.Tests.Bookmarks;

public sealed class BookmarkStoreTests : IDisposable
{
    private readonly BookmarkWorld _world = new();
    private readonly ReaderHash _reader = ReaderId.Create().Hash;

    private BookmarkStore Store => _world.Store;

    public void Dispose() => _world.Dispose();

    [Fact]
    public void A_day_a_section_and_papers_of_both_key_kinds_can_be_bookmarked()
    {
        Assert.Equal(BookmarkOutcome.Added, Store.Add(_reader, Day22));
        Assert.Equal(BookmarkOutcome.Added, Store.Add(_reader, Day22Biorxiv));
        Assert.Equal(BookmarkOutcome.Added, Store.Add(_reader, Paper(ArxivKey)));
        Assert.Equal(BookmarkOutcome.Added, Store.Add(_reader, Paper(DoiKey)));

        Assert.Equal(BookmarkOutcome.AlreadyThere, Store.Add(_reader, Paper(ArxivKey)));
        Assert.Equal(4, Store.Count(_reader));
        Assert.True(Store.IsBookmarked(_reader, Paper(DoiKey)));
    }

    [Fact]
    public async Task A_toggle_does_not_wait_for_the_search_indexer_to_commit()
    {
        using var indexer = _world.Database.Open();
        using var indexing = indexer.BeginTransaction(deferred: true);
        indexer.Execute("UPDATE search.search_state SET indexed_seq = indexed_seq", transaction: indexing);

        var toggle = Task.Run(() => Store.Toggle(_reader, Day22));

        Assert.Same(toggle, await Task.WhenAny(toggle, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal(BookmarkOutcome.Added, await toggle);
        indexing.Commit();
    }

    [Fact]
    public void Only_the_hash_of_the_reader_is_stored()
    {
        var id = ReaderId.Create();
        Store.Add(id.Hash, Day22);

        using var connection = _world.Database.Open();
        var stored = connection.QuerySingle<string>("SELECT reader FROM bookmark");
        Assert.Equal(id.Hash.Value, stored);
        Assert.NotEqual(id.CookieValue, stored);
    }

    [Theory]
    [InlineData("day", "2025-10-21")]
    [InlineData("section", "2025-10-22/medrxiv")]
    [InlineData("section", "2025-10-23/biorxiv")]
    [InlineData("paper", "2510.99999")]
    [InlineData("paper", "10.1101/2025.10.20.000000")]
    public void A_target_that_does_not_exist_is_refused_and_nothing_is_stored(string kind, string target)
    {
        var unknown = BookmarkTarget.TryParse(kind, target)!;

        Assert.False(Store.Exists(unknown));
        Assert.Equal(BookmarkOutcome.UnknownTarget, Store.Add(_reader, unknown));
        Assert.Equal(BookmarkOutcome.UnknownTarget, Store.Toggle(_reader, unknown));
        Assert.Equal(0, _world.Rows());
    }

    [Fact]
    public void Toggle_adds_then_removes()
    {
        Assert.Equal(BookmarkOutcome.Added, Store.Toggle(_reader, Paper(ArxivKey)));
        Assert.True(Store.IsBookmarked(_reader, Paper(ArxivKey)));

        Assert.Equal(BookmarkOutcome.Removed, Store.Toggle(_reader, Paper(ArxivKey)));
        Assert.False(Store.IsBookmarked(_reader, Paper(ArxivKey)));
        Assert.Equal(BookmarkOutcome.NotThere, Store.Remove(_reader, Paper(ArxivKey)));
    }

    [Fact]
    public void Two_readers_never_see_or_change_each_others_bookmarks()
    {
        var a = ReaderId.Create().Hash;
        var b = ReaderId.Create().Hash;
        Store.Add(a, Day22);
        Store.Add(a, Paper(ArxivKey));
        Store.Add(b, Paper(DoiKey));

        Assert.NotEqual(a, b);
        Assert.Equal(BookmarkOutcome.NotThere, Store.Remove(b, Paper(ArxivKey)));
        Assert.Equal(BookmarkOutcome.Added, Store.Toggle(b, Day22));
        Assert.Equal(BookmarkOutcome.Removed, Store.Toggle(b, Day22));

        Assert.Equal([Day22, Paper(ArxivKey)], Targets(Store.List(a)));
        Assert.Equal([Paper(DoiKey)], Targets(Store.List(b)));
        Assert.Equal((2, 1), (Store.Count(a), Store.Count(b)));
        Assert.Empty(Store.WhichAreBookmarked(b, [Day22, Paper(ArxivKey)]));
        Assert.DoesNotContain(ArxivKey, Store.ExportJson(b), StringComparison.Ordinal);
        Assert.DoesNotContain("2510", Store.ExportBibTex(b), StringComparison.Ordinal);
    }

    [Fact]
    public void A_visitor_without_a_reader_has_no_bookmarks()
    {
        Store.Add(_reader, Day22);

        Assert.Equal(0, Store.Count(null));
        Assert.Same(BookmarkList.Empty, Store.List(null));
        Assert.Empty(Store.WhichAreBookmarked(null, [Day22]));
        Assert.Contains("\"bookmarks\": []", Store.ExportJson(null), StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_page_learns_which_of_its_targets_are_bookmarked_in_one_call()
    {
        Store.Add(_reader, Day22);
        Store.Add(_reader, Paper(SecondArxivKey));
        Store.Add(_reader, Paper(NextDayKey));
        var onThePage = new[]
        {
            Day22, BookmarkTarget.Section(new DateOnly(2025, 10, 22), "arxiv"), Day22Biorxiv,
            Paper(ArxivKey), Paper(SecondArxivKey), Paper(DoiKey), Paper(SecondArxivKey),
        };

        var bookmarked = Store.WhichAreBookmarked(_reader, onThePage);

        Assert.Equal(new HashSet<BookmarkTarget> { Day22, Paper(SecondArxivKey) }, bookmarked.ToHashSet());
    }

    [Fact]
    public void The_list_holds_days_with_counts_per_source_and_papers_with_title_authors_and_pdf_newest_first()
    {
        Store.Add(_reader, Paper(ArxivKey));
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        Store.Add(_reader, Day23);
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        Store.Add(_reader, Paper(DoiKey));
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        Store.Add(_reader, Day22);
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        Store.Add(_reader, Day22Biorxiv);

        var list = Store.List(_reader);

        Assert.Equal([Day22Biorxiv, Day22, Day23], list.Days.Select(d => d.Target));
        Assert.Equal([("biorxiv", 1)], list.Days[0].Sources.Select(s => (s.Source, s.Papers)));
        Assert.Equal([("arxiv", 2), ("biorxiv", 1)], list.Days[1].Sources.Select(s => (s.Source, s.Papers)));
        Assert.Equal(3, list.Days[1].PaperCount);
        Assert.Equal(_world.Clock.GetUtcNow(), list.Days[0].CreatedAt);

        Assert.Equal([DoiKey, ArxivKey], list.Papers.Select(p => p.Key));
        var arxiv = list.Papers[1];
        Assert.Equal("抓取任意区域：迈向多模态大语言模型的精准上下文像素理解", arxiv.Title);
        Assert.Equal(["Haochen Wang"], arxiv.Authors);
        Assert.Equal("http://arxiv.org/pdf/2510.18876v1", arxiv.PdfUrl);
        Assert.Equal("https://arxiv.org/abs/2510.18876", arxiv.AbsUrl);
        Assert.Equal(new DateOnly(2025, 10, 22), arxiv.LastSeen);
        Assert.Equal(["Ana Müller"], list.Papers[0].Authors);
        Assert.Equal("https://doi.org/10.1101/2025.10.20.683456", list.Papers[0].AbsUrl);
    }

    [Fact]
    public void Bookmarks_survive_a_reimport_of_a_changed_digest_and_a_removed_paper_stays_listed_until_removed()
    {
        Store.Add(_reader, Day22);
        Store.Add(_reader, BookmarkTarget.Section(new DateOnly(2025, 10, 22), "arxiv"));
        Store.Add(_reader, Paper(ArxivKey));
        Store.Add(_reader, Paper(SecondArxivKey));

        _world.WriteDay22Arxiv(DigestText.Day("arxiv", "2025-10-22",
            new DigestText.Paper("抓取任意区域（修订译文）", "Haochen Wang", ArxivKey),
            new DigestText.Paper("新论文", "New Author", "2510.00009"),
            new DigestText.Paper("又一篇", "New Author", "2510.00010")));
        var report = _world.Import();

        Assert.Equal(1, report.FilesImported);
        Assert.Equal(4, Store.Count(_reader));
        var list = Store.List(_reader);
        Assert.Equal(4, list.Days.Single(d => d.Target == Day22).PaperCount);
        Assert.Equal("抓取任意区域（修订译文）", list.Papers.Single(p => p.Key == ArxivKey).Title);
        var gone = list.Papers.Single(p => p.Key == SecondArxivKey);
        Assert.False(gone.StillExists);
        Assert.Equal(BookmarkOutcome.Removed, Store.Toggle(_reader, Paper(SecondArxivKey)));
        Assert.Equal(BookmarkOutcome.UnknownTarget, Store.Add(_reader, Paper(SecondArxivKey)));
    }

    [Fact]
    public void Bookmarks_survive_a_new_database_object_over_the_same_file()
    {
        Store.Add(_reader, Paper(DoiKey));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var reopened = new BookmarkStore(new Database(_world.Database.Path));

        Assert.True(reopened.IsBookmarked(_reader, Paper(DoiKey)));
    }

    [Fact]
    public void A_reader_can_hold_10000_bookmarks_and_not_one_more()
    {
        _world.Fill(_reader, BookmarkStore.MaxPerReader - 1);

        Assert.Equal(BookmarkOutcome.Added, Store.Add(_reader, Day22));
        Assert.Equal(BookmarkOutcome.LimitReached, Store.Add(_reader, Day23));
        Assert.Equal(BookmarkOutcome.LimitReached, Store.Toggle(_reader, Paper(ArxivKey)));
        Assert.Equal(BookmarkOutcome.AlreadyThere, Store.Add(_reader, Day22));
        Assert.Equal(BookmarkStore.MaxPerReader, Store.Count(_reader));

        Assert.Equal(BookmarkOutcome.Removed, Store.Toggle(_reader, Day22));
        Assert.Equal(BookmarkOutcome.Added, Store.Toggle(_reader, Paper(ArxivKey)));
        Assert.Equal(BookmarkOutcome.Added, Store.Add(ReaderId.Create().Hash, Day23));
    }

    [Fact]
    public void Concurrent_adds_never_pass_the_limit()
    {
        _world.Fill(_reader, BookmarkStore.MaxPerReader - 2);
        var targets = new[] { Day22, Day23, Day22Biorxiv, Paper(ArxivKey), Paper(SecondArxivKey), Paper(DoiKey), Paper(NextDayKey) };

        var outcomes = targets.AsParallel().WithDegreeOfParallelism(4).Select(t => Store.Add(_reader, t)).ToList();

        Assert.Equal(2, outcomes.Count(o => o == BookmarkOutcome.Added));
        Assert.Equal(5, outcomes.Count(o => o == BookmarkOutcome.LimitReached));
        Assert.Equal(BookmarkStore.MaxPerReader, Store.Count(_reader));
    }

    [Fact]
    public void A_600_paper_day_is_checked_against_10000_bookmarks_by_key_lookups_not_a_scan()
    {
        _world.Fill(_reader, BookmarkStore.MaxPerReader);
        var page = Enumerable.Range(1, 600).Select(i => Paper($"2001.{i * 7:D5}")).Append(Day22).ToList();
        Store.WhichAreBookmarked(_reader, page.Take(1));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var bookmarked = Store.WhichAreBookmarked(_reader, page);

        Assert.Equal(600, bookmarked.Count);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"took {clock.ElapsedMilliseconds} ms; a nested scan takes seconds, key lookups a few ms");
    }

    private static List<BookmarkTarget> Targets(BookmarkList list) =>
        [.. list.Days.Select(d => d.Target), .. list.Papers.Select(p => p.Target)];
}

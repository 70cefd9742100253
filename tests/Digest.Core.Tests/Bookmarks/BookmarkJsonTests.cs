using System.Text.Json;
using Digest.Core.Bookmarks;
using Digest.Core.Storage;
using static Digest.Core.Tests.Bookmarks.BookmarkWorld;

namespace Digest.Core.Tests.Bookmarks;

public sealed class BookmarkJsonTests : IDisposable
{
    private readonly BookmarkWorld _world = new();
    private readonly ReaderHash _a = ReaderId.Create().Hash;
    private readonly ReaderHash _b = ReaderId.Create().Hash;

    private BookmarkStore Store => _world.Store;

    public void Dispose() => _world.Dispose();

    [Fact]
    public void The_export_is_a_versioned_document_newest_first()
    {
        Store.Add(_a, Day22);
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        Store.Add(_a, Paper(DoiKey));

        using var document = JsonDocument.Parse(Store.ExportJson(_a));

        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(_world.Clock.GetUtcNow(), root.GetProperty("exported_at").GetDateTimeOffset());
        var items = root.GetProperty("bookmarks").EnumerateArray()
            .Select(b => (b.GetProperty("kind").GetString(), b.GetProperty("target").GetString(), b.GetProperty("created_at").GetDateTimeOffset()))
            .ToList();
        Assert.Equal([("paper", DoiKey, _world.Clock.GetUtcNow()), ("day", "2025-10-22", _world.Clock.GetUtcNow().AddMinutes(-1))], items);
    }

    [Fact]
    public void Export_then_import_into_another_reader_gives_the_same_bookmarks_and_times()
    {
        Store.Add(_a, Day22);
        Store.Add(_a, Day22Biorxiv);
        _world.Clock.Advance(TimeSpan.FromHours(1));
        Store.Add(_a, Paper(ArxivKey));
        Store.Add(_a, Paper(DoiKey));
        _world.Clock.Advance(TimeSpan.FromDays(1));

        var report = Store.ImportJson(_b, Store.ExportJson(_a));

        Assert.Equal((4, 0, 0), (report.Added, report.AlreadyThere, report.OverLimit));
        Assert.Empty(report.Unknown);
        Assert.Empty(report.Invalid);
        Assert.Equal(Rows(_a), Rows(_b));
    }

    [Fact]
    public void Import_merges_and_keeps_what_the_reader_had()
    {
        Store.Add(_a, Day22);
        Store.Add(_a, Paper(ArxivKey));
        _world.Clock.Advance(TimeSpan.FromMinutes(5));
        Store.Add(_b, Paper(ArxivKey));
        Store.Add(_b, Day23);
        var bArxivTime = Store.List(_b).Papers.Single().CreatedAt;

        var report = Store.ImportJson(_b, Store.ExportJson(_a));

        Assert.Equal((1, 1), (report.Added, report.AlreadyThere));
        Assert.Equal(new HashSet<BookmarkTarget> { Day22, Day23, Paper(ArxivKey) }, Rows(_b).Select(r => r.Target).ToHashSet());
        Assert.Equal(bArxivTime, Store.List(_b).Papers.Single().CreatedAt);
        Assert.Equal(2, Store.Count(_a));
    }

    [Fact]
    public void Unknown_and_malformed_items_are_skipped_and_reported()
    {
        var json = """
            {"version": 1, "exported_at": "2025-10-23T00:00:00Z", "bookmarks": [
              {"kind": "paper", "target": "2510.18876", "created_at": "2025-10-22T09:00:00Z"},
              {"kind": "paper", "target": "2510.99999", "created_at": "2025-10-22T09:00:00Z"},
              {"kind": "section", "target": "2025-10-22/medrxiv"},
              {"kind": "paper", "target": "DROP TABLE bookmark"},
              {"kind": "folder", "target": "x"},
              {"kind": "day"},
              {"kind": "day", "target": "2025-10-23", "created_at": "yesterday"},
              42,
              {"kind": "day", "target": "2025-10-22", "created_at": "2999-01-01T00:00:00Z"}
            ]}
            """;

        var report = Store.ImportJson(_a, json);

        Assert.Equal(2, report.Added);
        Assert.Equal(["paper:2510.99999", "section:2025-10-22/medrxiv"], report.Unknown);
        Assert.Equal(5, report.Invalid.Count);
        Assert.StartsWith("#3:", report.Invalid[0], StringComparison.Ordinal);
        Assert.StartsWith("#7:", report.Invalid[^1], StringComparison.Ordinal);
        var list = Store.List(_a);
        Assert.Equal(new DateTimeOffset(2025, 10, 22, 9, 0, 0, TimeSpan.Zero), list.Papers.Single().CreatedAt);
        Assert.Equal(_world.Clock.GetUtcNow(), list.Days.Single().CreatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"version\": 1, \"bookmarks\": [")]
    [InlineData("[]")]
    [InlineData("{\"bookmarks\": []}")]
    [InlineData("{\"version\": 2, \"bookmarks\": []}")]
    [InlineData("{\"version\": \"1\", \"bookmarks\": []}")]
    [InlineData("{\"version\": 1, \"bookmarks\": {}}")]
    public void A_document_that_is_not_a_version_1_export_is_a_clear_error_and_changes_nothing(string json)
    {
        Store.Add(_a, Day22);
        var before = Store.ExportJson(_a);

        var error = Assert.Throws<BookmarkImportException>(() => Store.ImportJson(_a, json));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Equal(before, Store.ExportJson(_a));
    }

    [Fact]
    public void A_document_of_more_than_10000_items_is_refused()
    {
        var items = string.Join(",", Enumerable.Repeat("""{"kind":"day","target":"2025-10-22"}""", BookmarkStore.MaxPerReader + 1));

        var error = Assert.Throws<BookmarkImportException>(() => Store.ImportJson(_a, $$"""{"version":1,"bookmarks":[{{items}}]}"""));

        Assert.Contains("10,000", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _world.Rows());
    }

    [Fact]
    public void Import_stops_at_the_limit_and_says_how_many_it_left_out()
    {
        Store.Add(_b, Day22);
        Store.Add(_b, Day23);
        Store.Add(_b, Paper(ArxivKey));
        _world.Fill(_a, BookmarkStore.MaxPerReader - 1);

        var report = Store.ImportJson(_a, Store.ExportJson(_b));

        Assert.Equal((1, 2), (report.Added, report.OverLimit));
        Assert.Equal(BookmarkStore.MaxPerReader, Store.Count(_a));
    }

    private List<(BookmarkTarget Target, DateTimeOffset CreatedAt)> Rows(ReaderHash reader)
    {
        var list = Store.List(reader);
        return [.. list.Days.Select(d => (d.Target, d.CreatedAt)), .. list.Papers.Select(p => (p.Target, p.CreatedAt))];
    }
}

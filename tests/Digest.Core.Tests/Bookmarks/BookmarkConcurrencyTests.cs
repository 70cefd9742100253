using System.Diagnostics;
using Digest.Core.Bookmarks;
using static Digest.Core.Tests.Bookmarks.BookmarkWorld;

namespace Digest.Core.Tests.Bookmarks;

public sealed class BookmarkConcurrencyTests : IDisposable
{
    private readonly BookmarkWorld _world = new();
    private readonly ReaderHash _reader = ReaderId.Create().Hash;

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Reads_go_on_during_a_long_write_and_a_bookmark_write_waits_for_it_then_lands()
    {
        _world.Store.Add(_reader, Day22);
        using var import = _world.Database.Open();
        using var importTransaction = import.BeginTransaction(deferred: false);
        Dapper.SqlMapper.Execute(import, "UPDATE data_version SET version = version + 1", transaction: importTransaction);

        var clock = Stopwatch.StartNew();
        Assert.True(_world.Store.IsBookmarked(_reader, Day22));
        Assert.Single(_world.Store.List(_reader).Days);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"a read waited {clock.ElapsedMilliseconds} ms for a writer");

        var write = Task.Run(() => _world.Store.Add(_reader, Paper(ArxivKey)));
        await Task.Delay(300);
        Assert.False(write.IsCompleted);
        importTransaction.Commit();

        Assert.Equal(BookmarkOutcome.Added, await write.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}

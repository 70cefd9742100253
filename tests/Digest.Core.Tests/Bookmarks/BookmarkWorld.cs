using Dapper;
using Digest.Core.Bookmarks;
using Digest.Core.Import;
using Digest.Core.Storage;
using Digest.Core.Tests.Support;
using static Digest.Core.Tests.Support.DigestText;

namespace Digest.Core.Tests.Bookmarks;

/// <summary>
/// A database with real imported days: 2025-10-22 (arXiv with two papers, bioRxiv with one DOI paper) and
/// 2025-10-23 (arXiv, one paper), a manual clock, and the bookmark store over them.
/// </summary>
public sealed class BookmarkWorld : IDisposable
{
    public const string ArxivKey = "2510.18876";
    public const string SecondArxivKey = "2510.00002";
    public const string NextDayKey = "2510.00003";
    public const string DoiKey = "10.1101/2025.10.20.683456";

    private readonly TempFolder _temp = new();

    public BookmarkWorld()
    {
        Database = new Database(_temp.File("digest.db"));
        Importer = new Importer(Database);
        Store = new BookmarkStore(Database, Clock);
        WriteDay22Arxiv(Day("arxiv", "2025-10-22",
            new Paper("抓取任意区域：迈向多模态大语言模型的精准上下文像素理解", "Haochen Wang", ArxivKey),
            new Paper("实践固知：策略内数据在缓解遗忘中的作用", "Li Ming", SecondArxivKey)));
        _temp.Write("in/2025-10-22-biorxiv.md", BiorxivDay("2025-10-22", "单细胞图谱", "Ana Müller", DoiKey));
        _temp.Write("in/2025-10-23-arxiv.md", Day("arxiv", "2025-10-23", new Paper("丙", "C Three", NextDayKey)));
        Import();
    }

    public ManualClock Clock { get; } = new();

    public Database Database { get; }

    public Importer Importer { get; }

    public BookmarkStore Store { get; }

    public static BookmarkTarget Day22 => BookmarkTarget.Day(new DateOnly(2025, 10, 22));

    public static BookmarkTarget Day23 => BookmarkTarget.Day(new DateOnly(2025, 10, 23));

    public static BookmarkTarget Day22Biorxiv => BookmarkTarget.Section(new DateOnly(2025, 10, 22), "biorxiv");

    public static BookmarkTarget Paper(string key) => BookmarkTarget.Paper(key);

    public void WriteDay22Arxiv(string text) => _temp.Write("in/2025-10-22-arxiv.md", text);

    public ImportReport Import() => Importer.Import([_temp.File("in")]);

    public int Rows()
    {
        using var connection = Database.Open();
        return connection.ExecuteScalar<int>("SELECT COUNT(*) FROM bookmark");
    }

    /// <summary>Gives the reader <paramref name="count"/> bookmarks at once, straight into the table, of papers that do not exist.</summary>
    public void Fill(ReaderHash reader, int count)
    {
        using var connection = Database.Open();
        connection.Execute("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO bookmark (reader, kind, target, created_at)
            SELECT $reader, 'paper', printf('2001.%05d', i), '2025-01-01T00:00:00.0000000Z' FROM n
            """, new { reader = reader.Value, count });
    }

    public void Dispose() => _temp.Dispose();

    private static string BiorxivDay(string date, string title, string author, string doi) =>
        $"# biorxiv {date}\n\n| 标题 | 作者 | PDF链接 |  摘要 |\n|------|------|--------|------|\n"
        + $"| {title} | {author} | [PDF](https://www.biorxiv.org/content/{doi}v1.full.pdf) | 摘要。 |\n";
}

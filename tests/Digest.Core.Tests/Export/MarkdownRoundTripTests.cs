using System.Globalization;
using Dapper;
using Digest.Core.Export;
using Digest.Core.Import;
using Digest.Core.Storage;
using Digest.Core.Tests.Support;

using Digest.Core.Tests.Import;

namespace Digest.Core.Tests.Export;

/// <summary>
/// The markdown export is the digest format itself: import digests into database A, export a day, import the
/// export into an empty database B, and B holds the same digests and entries. These specs go through the
/// importer's parser, so they hold only with the real (Markdig, row-joining) parser.
/// </summary>
public sealed class MarkdownRoundTripTests : IDisposable
{
    /// <summary>
    /// Flags that record how a file was written rather than what it said: the export writes <c>PDF缺失</c>, escapes
    /// pipes the 2026 way and drops blank edge lines, so these may differ after a round trip of a real file.
    /// </summary>
    private static readonly HashSet<string> LayoutFlags =
        ["multiline", "escaped_pipe", "pdf_link_none", "pdf_placeholder_缺失", "extra_cells_merged"];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_small_day_with_every_awkward_cell_comes_back_the_same()
    {
        _temp.Write("in/2026-06-19-arxiv.md", """
            # arXiv 2026-06-19

            | 标题 | 作者 | 发布日期 | PDF链接 | 摘要 |
            |------|------|----------|--------|------|
            | 抓取任意区域：像素理解

            （注：该标题强调像素级理解，"Grasp Any Region"体现任意区域。） | Haochen Wang | 2026-06-18 | [PDF](https://arxiv.org/pdf/2606.20563v1) | 第一段，范数 $\\|x\\|$ 很小。

            第二段：

            1. 列表项一
            2. 列表项二 |
            | 管道 \| 标题 <script>alert(1)</script> | Howard Chen | 2026-06-18 | [PDF](https://arxiv.org/pdf/2606.20561v2) | The English text stands here. [翻译失败] |
            | 没有链接的论文 | Ann Lee | 2026-06-17 | PDF缺失 | 无链接的摘要。 |
            """);
        _temp.Write("in/2026-06-19-biorxiv.md", """
            # Biorxiv 2026-06-19 Papers

            | 标题 | 作者 | PDF链接 | 代码仓库 | Title |
            |-------|----------|-----------|---------|--------------|
            | 基因组多样性预测生存率 | Alves, J. M. | [PDF](https://doi.org/10.1101/2026.06.18.600001) | N/A | Genomic diversity predicts survival |
            | 城市污水作为储存库 | Qamar, H. | [PDF](https://doi.org/10.1101/2026.06.18.600002) | N/A | Urban Wastewater as Reservoirs |
            """);
        _temp.Write("in/2026-06-19-medrxiv.md", """
            # medRxiv 2026-06-19

            > 抓取失败：500 Server Error: Internal Server Error for url: https://api.biorxiv.org/details/medrxiv/2026-06-19/2026-06-19/0
            """);
        var a = ImportInto("a.db", _temp.File("in"));
        Assert.Equal(5, Entries(a).Count);

        var exported = Export(a, new DateOnly(2026, 6, 19), "out/2026-06-19.md");
        var b = ImportInto("b.db", exported);

        Assert.Equal(Digests(a), Digests(b));
        Assert.Equal(Entries(a), Entries(b));
    }

    [Fact]
    public void Every_day_of_the_real_corpus_comes_back_the_same()
    {
        var corpus = RepoPaths.Corpus;
        if (corpus is null)
        {
            return; // no ../shared/corpus beside this checkout
        }

        var a = new Database(_temp.File("a.db"));
        foreach (var (file, date) in CorpusFiles(corpus))
        {
            new Importer(a).Import([file], date);
        }

        var days = Digests(a).Select(d => d.Date).Distinct().ToList();
        Assert.NotEmpty(days);
        var exported = days.Select(day => Export(a, DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture), $"out/{day}.md")).ToList();
        var b = ImportInto("b.db", _temp.File("out"));

        Assert.Equal(Digests(a), Digests(b));
        var before = Entries(a, LayoutFlags);
        var after = Entries(b, LayoutFlags);
        var differences = before.Zip(after).Where(p => p.First != p.Second).Take(5).Select(p => $"A: {p.First}\nB: {p.Second}").ToList();
        Assert.True(differences.Count == 0 && before.Count == after.Count,
            $"{before.Count} entries before, {after.Count} after; first differences:\n" + string.Join("\n\n", differences));
    }

    private Database ImportInto(string name, string path)
    {
        var database = new Database(_temp.File(name));
        var report = new Importer(database).Import([path]);
        Assert.Empty(report.Problems);
        return database;
    }

    private string Export(Database database, DateOnly date, string name)
    {
        var day = new DayExportQuery(database).Find(date);
        Assert.NotNull(day);
        return _temp.Write(name, new DayMarkdownExporter().ToMarkdown(day));
    }

    /// <summary>The corpus files that hold a digest, each with the date it needs from outside (commit-date files).</summary>
    private static IEnumerable<(string File, DateOnly? Date)> CorpusFiles(string corpus) =>
        ManifestEntry.Load(corpus).Where(e => e.HoldsDigest).Select(e => (Path.Combine(corpus, e.File), e.DateToPass));

    private static List<(string Date, string Source, string State, string? Note, long Count)> Digests(Database database)
    {
        using var connection = database.Open();
        return connection.Query<(string, string, string, string?, long)>(
            "SELECT date, source, state, state_note, entry_count FROM digest ORDER BY date, source").ToList();
    }

    private static List<string> Entries(Database database, IReadOnlySet<string>? ignoredFlags = null)
    {
        using var connection = database.Open();
        return connection.Query<EntryFields>("""
            SELECT e.date AS Date, e.source AS Source, e.rank AS Rank, p.key AS Key, e.title AS Title, e.title_note AS TitleNote,
                   e.authors AS Authors, e.pdf_url AS PdfUrl, e.code_url AS CodeUrl, e.title_en AS TitleEn, e.abstract AS Abstract,
                   e.abstract_en AS AbstractEn, e.published AS Published, e.flags AS Flags, e.extra AS Extra
            FROM entry e JOIN paper p ON p.id = e.paper_id ORDER BY e.date, e.source, e.rank
            """).Select(e => e with { Flags = string.Join(",", JsonText.ReadList(e.Flags).Where(f => ignoredFlags?.Contains(f) != true).Order(StringComparer.Ordinal)) })
            .Select(e => e.ToString()).ToList();
    }

    private sealed record EntryFields(string Date, string Source, long Rank, string Key, string Title, string? TitleNote, string Authors,
        string? PdfUrl, string? CodeUrl, string? TitleEn, string? Abstract, string? AbstractEn, string? Published, string Flags, string? Extra);
}

using Dapper;
using Digest.Core.Import;
using Digest.Core.Storage;
using Digest.Core.Tests.Support;
using Xunit.Abstractions;

namespace Digest.Core.Tests.Storage;

/// <summary>
/// Real pages laid out as they sit in the generator's <c>docs/daily-papers</c>: a combined day page beside its
/// per-source pages, the HTML <c>latest.md</c> and an index page. Each (date, source) digest comes in once.
/// </summary>
public sealed class DailyPagesFolderTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_combined_page_and_its_per_source_pages_give_each_digest_once_in_any_import_order()
    {
        var corpus = RepoPaths.Corpus;
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: shared/corpus not found next to the repository");
            return;
        }

        var pages = new Dictionary<string, string>
        {
            ["2025-10-22.md"] = "Lcollection__docs_daily-papers_2025-10-22__62b1c761.md",
            ["2025-10-22-arxiv.md"] = "Lcollection__docs_daily-papers_2025-10-22-arxiv__815c191a.md",
            ["2025-10-22-biorxiv.md"] = "Lcollection__docs_daily-papers_2025-10-22-biorxiv__815c191a.md",
            ["latest.md"] = "Lcollection__docs_daily-papers_latest__e0d24dbe.md",
            ["archive.md"] = "Lcollection__docs_arxiv_papers__15dc19b1.md",
        };
        foreach (var (name, file) in pages)
        {
            File.Copy(Path.Combine(corpus, file), _temp.File(name));
        }

        var together = new Database(_temp.File("together.db"));
        new Importer(together).Import([_temp.Path]);
        var oneByOne = new Database(_temp.File("one-by-one.db"));
        foreach (var name in new[] { "2025-10-22-arxiv.md", "2025-10-22.md", "latest.md", "2025-10-22-biorxiv.md", "archive.md" })
        {
            new Importer(oneByOne).Import([_temp.File(name)]);
        }

        foreach (var database in new[] { together, oneByOne })
        {
            using var connection = database.Open();
            var digests = connection.Query<(string Source, int Entries, string File)>(
                "SELECT d.source, d.entry_count, f.path FROM digest d JOIN source_file f ON f.id = d.file_id WHERE d.date = '2025-10-22' ORDER BY d.source")
                .Select(d => (d.Source, d.Entries, Path.GetFileName(d.File))).ToList();
            Assert.Equal([("arxiv", 10, "2025-10-22-arxiv.md"), ("biorxiv", 10, "2025-10-22-biorxiv.md"), ("medrxiv", 10, "2025-10-22.md")], digests);
            Assert.Equal(30, connection.QuerySingle<int>("SELECT COUNT(*) FROM entry"));
            Assert.Equal(0, connection.QuerySingle<int>("SELECT COUNT(*) FROM (SELECT date, source, rank FROM entry GROUP BY 1, 2, 3 HAVING COUNT(*) > 1)"));
        }
    }
}

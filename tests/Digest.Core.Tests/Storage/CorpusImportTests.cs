using System.Globalization;
using Dapper;
using Digest.Core.Import;
using Digest.Core.Storage;
using Digest.Core.Tests.Import;
using Digest.Core.Tests.Support;
using Xunit.Abstractions;

namespace Digest.Core.Tests.Storage;

/// <summary>
/// Imports the whole shared corpus into a real SQLite file, as CI does with the CLI, and checks that every
/// file's rows arrive, that each stored digest holds exactly the rows of the section that won it, and that a
/// second import changes nothing.
/// </summary>
public sealed class CorpusImportTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_corpus_imports_completely_and_a_second_import_changes_nothing()
    {
        var corpus = RepoPaths.Corpus;
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: shared/corpus not found next to the repository");
            return;
        }

        var database = new Database(_temp.File("corpus.db"));
        var importer = new Importer(database);
        ImportLikeAUser(importer, corpus);

        var check = new ManifestCheck(database).Check(Path.Combine(corpus, "manifest.tsv"));
        Assert.True(check.Passed, string.Join("\n", check.Mismatches));
        Assert.Equal(4113, check.RowsImported);

        var again = importer.Import([corpus]);
        Assert.Equal(0, again.FilesImported);
        Assert.Equal(0, again.EntriesNew + again.EntriesUpdated + again.EntriesRemoved);
        using var connection = database.Open();
        Assert.Equal(connection.QuerySingle<int>("SELECT COUNT(*) FROM entry"), again.EntriesUnchanged);
    }

    [Fact]
    public void Each_stored_digest_holds_the_rows_of_the_section_that_won_it()
    {
        var corpus = RepoPaths.Corpus;
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: shared/corpus not found next to the repository");
            return;
        }

        var database = new Database(_temp.File("corpus.db"));
        ImportLikeAUser(new Importer(database), corpus);
        using var connection = database.Open();
        var digests = connection.Query<(long Id, string Date, string Source, string Path)>(
            "SELECT d.id, d.date, d.source, f.path FROM digest d JOIN source_file f ON f.id = d.file_id").ToList();
        Assert.NotEmpty(digests);

        foreach (var digest in digests)
        {
            var dates = DatesFor(corpus, Path.GetFileName(digest.Path));
            var parsed = DigestParser.Parse(digest.Path, File.ReadAllBytes(digest.Path), dates);
            var section = parsed.Sections.First(s => s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == digest.Date && s.Source == digest.Source);
            var stored = connection.Query<(long Rank, string Title, string? TitleNote, string Authors, string? PdfUrl, string? Abstract)>(
                "SELECT rank, title, title_note, authors, pdf_url, abstract FROM entry WHERE digest_id = $Id ORDER BY rank", new { digest.Id }).ToList();

            Assert.Equal(section.Rows.Count, stored.Count);
            for (var i = 0; i < stored.Count; i++)
            {
                var row = section.Rows[i];
                Assert.Equal((i + 1, row.Title, row.TitleNote, row.PdfUrl, row.Abstract), ((int)stored[i].Rank, stored[i].Title, stored[i].TitleNote, stored[i].PdfUrl, stored[i].Abstract));
                Assert.Equal(row.Authors, JsonText.ReadList(stored[i].Authors));
            }
        }
    }

    /// <summary>The folder, then each dateless file again with the date its manifest line gives, as .ci/run does.</summary>
    private static void ImportLikeAUser(Importer importer, string corpus)
    {
        importer.Import([corpus]);
        foreach (var entry in ManifestEntry.Load(corpus).Where(e => e.DateToPass is not null))
        {
            importer.Import([Path.Combine(corpus, entry.File)], entry.DateToPass);
        }
    }

    private static DateOnly? DatesFor(string corpus, string file) =>
        ManifestEntry.Load(corpus).FirstOrDefault(e => e.File == file)?.DateToPass;
}

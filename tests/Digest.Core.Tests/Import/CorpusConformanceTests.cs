using System.Security.Cryptography;
using System.Text;
using Digest.Core.Import;
using Digest.Core.Papers;
using Xunit.Abstractions;

namespace Digest.Core.Tests.Import;

/// <summary>
/// Parses every file of the shared conformance corpus and compares each row, in file order, with the independent
/// reference parser's expected.jsonl. Titles are compared exactly except where the raw first line is an LLM
/// preamble or carries markdown or a label; there the clean title must be the sensible cleaned version.
/// </summary>
public sealed class CorpusConformanceTests(ITestOutputHelper output)
{
    private const int ExpectedTotalRows = 4113;

    private static readonly string[] NeedsCleaningMarks = ["**", "## ", "#", "标题", "“", "\""];

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        var corpus = CorpusLocator.Find();
        if (corpus is null)
        {
            data.Add("(corpus missing)");
            return data;
        }

        foreach (var entry in ManifestEntry.Load(corpus))
        {
            data.Add(entry.File);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_row_of_the_file_matches_the_reference(string fileName)
    {
        var corpus = CorpusLocator.Find();
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: shared/corpus not found next to the repository (set DIGEST_CORPUS to point at it)");
            return;
        }

        var entry = ManifestEntry.Load(corpus).Single(e => e.File == fileName);
        var expected = ExpectedRow.Load(corpus)[fileName].ToList();
        var parsed = ParseEntry(corpus, entry);
        var rows = parsed.Sections.SelectMany(s => s.Rows.Select(r => (Section: s, Row: r))).ToList();

        var mismatches = new List<string>();
        if (entry.PapersExpected is { } papers && rows.Count != papers)
        {
            mismatches.Add($"row count {rows.Count}, manifest says {papers}");
        }

        if (rows.Count != expected.Count)
        {
            mismatches.Add($"row count {rows.Count}, expected.jsonl has {expected.Count}");
        }

        foreach (var problem in parsed.Problems)
        {
            output.WriteLine($"problem: {problem}");
        }

        if (entry.PapersExpected > 0)
        {
            Assert.Empty(parsed.Problems);
        }

        for (var i = 0; i < Math.Min(rows.Count, expected.Count); i++)
        {
            Compare(rows[i].Section, rows[i].Row, expected[i], mismatches);
        }

        foreach (var m in mismatches.Take(40))
        {
            output.WriteLine(m);
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches; first: {mismatches.FirstOrDefault()}");
    }

    [Fact]
    public void The_whole_corpus_comes_through()
    {
        var corpus = CorpusLocator.Find();
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: shared/corpus not found next to the repository (set DIGEST_CORPUS to point at it)");
            return;
        }

        var total = ManifestEntry.Load(corpus).Sum(e => ParseEntry(corpus, e).RowsRead);
        Assert.Equal(ExpectedTotalRows, total);
    }

    [Fact]
    public void Files_without_papers_say_why()
    {
        var corpus = CorpusLocator.Find();
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: shared/corpus not found");
            return;
        }

        foreach (var entry in ManifestEntry.Load(corpus).Where(e => e.DateSource == "-"))
        {
            var parsed = ParseEntry(corpus, entry);
            Assert.Empty(parsed.Sections);
            var bytes = new FileInfo(Path.Combine(corpus, entry.File)).Length;
            if (bytes == 0)
            {
                Assert.Empty(parsed.Problems);
            }
            else
            {
                var problem = Assert.Single(parsed.Problems);
                Assert.Equal(DigestParser.NoDigestTableMessage, problem.Message);
            }
        }
    }

    internal static ParsedFile ParseEntry(string corpus, ManifestEntry entry)
    {
        return DigestParser.Parse(entry.File, File.ReadAllBytes(Path.Combine(corpus, entry.File)), entry.DateToPass);
    }

    private static void Compare(DigestSection section, DigestRow row, ExpectedRow e, List<string> mismatches)
    {
        var at = $"{e.File}:{e.FirstLine}";
        void Check<T>(string field, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                mismatches.Add($"{at} {field}: expected «{expected}» got «{actual}»");
            }
        }

        Check("date", e.Date, section.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Check("source", e.Source, section.Source);
        Check("lines", (e.FirstLine, e.LastLine), (row.Line, row.EndLine));
        Check("authors", e.Authors, string.Join(", ", row.Authors));
        Check("pdf_url", e.PdfUrl, row.PdfUrl);
        Check("code_url", e.CodeUrl, row.CodeUrl);
        Check("title_en", e.TitleEn, row.TitleEn);
        Check("published", e.Published, row.Published);
        Check("abstract_sha1", e.AbstractSha1, Sha1Of(row.Abstract));
        Check("abstract_len", e.AbstractLen, row.Abstract?.EnumerateRunes().Count());
        Check("abstract_en_len", e.AbstractEnLen, row.AbstractEn?.EnumerateRunes().Count());

        var preamble = row.Flags.Contains(ParserFlags.TitlePreamble);
        var rawFirstLineNeedsCleaning = NeedsCleaningMarks.Any(m => e.Title.TrimStart().StartsWith(m, StringComparison.Ordinal));
        if (preamble)
        {
            // The real title is the note's first line; the note is what follows it.
            var noteLines = e.TitleNote.Split('\n');
            Check("preamble", e.Title, row.Extra[DigestRowReader.TitlePreambleKey]);
            Assert.False(string.IsNullOrWhiteSpace(row.Title), $"{at}: empty title after preamble");
            Assert.Contains(row.Title, noteLines[0]);
            Check("title_note(after preamble)", string.Join('\n', noteLines.Skip(1)).Trim('\n'), row.TitleNote ?? string.Empty);
        }
        else
        {
            if (rawFirstLineNeedsCleaning)
            {
                Assert.False(string.IsNullOrWhiteSpace(row.Title), $"{at}: empty clean title for «{e.Title}»");
                Assert.Contains(row.Title, e.Title);
                Assert.DoesNotMatch(@"^(\*\*|#|标题)", row.Title);
            }
            else
            {
                Check("title", e.Title, row.Title);
            }

            Check("title_note", e.TitleNote, row.TitleNote ?? string.Empty);
            Check("flag title_note", e.Flags.Contains("title_note"), row.Flags.Contains(EntryFlags.TitleNote));
        }

        Check("flag multiline", e.Flags.Contains("multiline"), row.Flags.Contains(EntryFlags.Multiline));
        Check("flag empty_title", e.Flags.Contains("empty_title"), row.Flags.Contains(EntryFlags.EmptyTitle));
        Check("flag no_link", e.Flags.Contains("pdf_link_none") || e.Flags.Contains("pdf_placeholder_缺失"), row.Flags.Contains(EntryFlags.NoLink));
        foreach (var flag in new[] { ParserFlags.EmptyAuthors, ParserFlags.EmptyAbstract, ParserFlags.EscapedPipe, ParserFlags.ExtraCellsMerged })
        {
            Check("flag " + flag, e.Flags.Contains(flag), row.Flags.Contains(flag));
        }
    }

    private static string? Sha1Of(string? text) =>
        text is null ? null : Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)))[..12];
}

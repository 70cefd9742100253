using System.Globalization;
using System.Text.Json;

namespace Digest.Core.Tests.Import;

/// <summary>One line of the corpus manifest.</summary>
internal sealed record ManifestEntry(string File, int? PapersExpected, IReadOnlyList<DateOnly> Dates, string DateSource, IReadOnlyList<string> Sources)
{
    private static readonly Dictionary<string, IReadOnlyList<ManifestEntry>> Cache = [];

    /// <summary>The date an importer must be given for this file: its manifest date when neither heading nor name has one.</summary>
    public DateOnly? DateToPass => DateSource == "commit-date" ? Dates[0] : null;

    /// <summary>False for index pages, HTML pages and empty files (<c>date_source</c> is <c>-</c>).</summary>
    public bool HoldsDigest => DateSource != "-";

    public static IReadOnlyList<ManifestEntry> Load(string corpus)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(corpus, out var entries))
            {
                Cache[corpus] = entries = Read(corpus);
            }

            return entries;
        }
    }

    private static IReadOnlyList<ManifestEntry> Read(string corpus)
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(corpus, "manifest.tsv"));
        var header = lines[0].Split('\t');
        int Col(string name) => Array.IndexOf(header, name);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split('\t');
            return new ManifestEntry(
                f[Col("file")],
                int.TryParse(f[Col("papers_expected")], out var n) ? n : null,
                f[Col("dates")].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList(),
                f[Col("date_source")],
                f[Col("sources")].Split(',', StringSplitOptions.RemoveEmptyEntries));
        }).ToList();
    }
}

/// <summary>One line of expected.jsonl: a paper row as the independent reference parser read it.</summary>
internal sealed record ExpectedRow(
    string File, string Date, string Source, string Title, string TitleNote, string Authors, string? PdfUrl, string? CodeUrl,
    string? TitleEn, string? Published, int? AbstractLen, string? AbstractSha1, int? AbstractEnLen, int FirstLine, int LastLine, IReadOnlyList<string> Flags)
{
    private static readonly Dictionary<string, ILookup<string, ExpectedRow>> Cache = [];

    public static ILookup<string, ExpectedRow> Load(string corpus)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(corpus, out var rows))
            {
                Cache[corpus] = rows = Read(corpus);
            }

            return rows;
        }
    }

    private static ILookup<string, ExpectedRow> Read(string corpus) =>
        System.IO.File.ReadLines(Path.Combine(corpus, "expected.jsonl")).Where(l => l.Length > 0).Select(Parse).ToLookup(r => r.File);

    private static ExpectedRow Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var e = doc.RootElement;
        string? S(string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();
        int? I(string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt32();
        var lines = e.GetProperty("lines");
        return new ExpectedRow(
            S("file")!, S("date")!, S("source")!, S("title")!, S("title_note") ?? string.Empty, S("authors") ?? string.Empty,
            S("pdf_url"), S("code_url"), S("title_en"), S("published"), I("abstract_len"), S("abstract_sha1_12"), I("abstract_en_len"),
            lines[0].GetInt32(), lines[1].GetInt32(),
            e.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!).Distinct().ToList());
    }
}

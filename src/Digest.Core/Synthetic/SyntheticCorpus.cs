using System.Globalization;
using System.Text;
using Digest.Core.Papers;

namespace Digest.Core.Synthetic;

/// <summary>
/// Writes a deterministic synthetic digest archive shaped like the real one: per-source day pages of 10 to 600
/// rows, multi-line cells with blank lines, translator's notes, failed translations, rows without a link,
/// and papers that come back on later days. The same seed and size always give the same files.
/// </summary>
public sealed class SyntheticCorpus(int papers, int seed = 20251022)
{
    /// <summary>One generated table row, before it is written as markdown.</summary>
    public sealed record Row(DateOnly Date, string Source, string Title, string? Note, string Author, string? PdfUrl, string Abstract);

    /// <summary>One generated day page.</summary>
    public sealed record Page(DateOnly Date, string Source, IReadOnlyList<Row> Rows)
    {
        public string FileName => $"{Date:yyyy-MM-dd}-{Source}.md";
    }

    /// <summary>The pages in date order; the rows add up to <c>papers</c> distinct papers plus repeats.</summary>
    public IEnumerable<Page> Pages()
    {
        var random = new Random(seed);
        var date = new DateOnly(2023, 1, 1);
        var made = 0;
        var recent = new List<Row>();
        while (made < papers)
        {
            foreach (var source in Source.All)
            {
                if (made >= papers)
                {
                    break;
                }

                var size = Math.Min(papers - made, source == Source.Arxiv ? random.Next(10, 601) : random.Next(10, 200));
                var rows = new List<Row>(size);
                for (var i = 0; i < size; i++)
                {
                    if (recent.Count > 0 && random.Next(10) == 0)
                    {
                        var again = recent[random.Next(recent.Count)];
                        rows.Add(again with { Date = date, Source = source });
                        continue;
                    }

                    var row = NewRow(random, date, source, made++);
                    rows.Add(row);
                    if (recent.Count < 2000)
                    {
                        recent.Add(row);
                    }
                    else
                    {
                        recent[random.Next(recent.Count)] = row;
                    }
                }

                yield return new Page(date, source, rows);
            }

            date = date.AddDays(1);
        }
    }

    /// <summary>Writes every page as a markdown file into <paramref name="folder"/>; returns the number of rows.</summary>
    public long WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        long rows = 0;
        foreach (var page in Pages())
        {
            File.WriteAllText(Path.Combine(folder, page.FileName), ToMarkdown(page), new UTF8Encoding(false));
            rows += page.Rows.Count;
        }

        return rows;
    }

    public static string ToMarkdown(Page page)
    {
        var text = new StringBuilder(page.Rows.Count * 900);
        text.Append("# ").Append(page.Source).Append(' ').Append(page.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\n\n");
        text.Append("| 标题 | 作者 | PDF链接 |  摘要 |\n|------|------|--------|------|\n");
        foreach (var row in page.Rows)
        {
            text.Append("| ").Append(row.Title);
            if (row.Note is not null)
            {
                text.Append("\n\n").Append(row.Note);
            }

            text.Append(" | ").Append(row.Author).Append(" | ");
            text.Append(row.PdfUrl is null ? "[PDF](None)" : $"[PDF]({row.PdfUrl})");
            text.Append(" | ").Append(row.Abstract).Append(" |\n");
        }

        return text.ToString();
    }

    private static Row NewRow(Random random, DateOnly date, string source, int serial)
    {
        var title = Sentence(random, random.Next(3, 8), english: random.Next(3) == 0);
        var note = random.Next(5) < 2 ? Note(random) : null;
        var author = $"{Pick(random, SyntheticVocabulary.GivenNames)} {Pick(random, SyntheticVocabulary.FamilyNames)}";
        var pdf = random.Next(200) == 0 ? null : Link(date, source, serial, random);
        var abstractText = Abstract(random);
        return new Row(date, source, title, note, author, pdf, abstractText);
    }

    private static string Link(DateOnly date, string source, int serial, Random random)
    {
        var version = random.Next(1, 4);
        return source == Source.Arxiv
            ? $"http://arxiv.org/pdf/{2000 + (serial / 100000):D4}.{serial % 100000:D5}v{version}"
            : $"https://doi.org/10.1101/{date:yyyy.MM.dd}.{serial:D7}v{version}";
    }

    private static string Note(Random random) =>
        Pick(random, SyntheticVocabulary.NotePrefixes) + Sentence(random, random.Next(8, 20), english: false) + "。";

    private static string Abstract(Random random)
    {
        var paragraphs = random.Next(4) == 0 ? 2 : 1;
        var text = new StringBuilder();
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0)
            {
                text.Append("\n\n");
            }

            var sentences = random.Next(3, 7);
            for (var s = 0; s < sentences; s++)
            {
                text.Append(Sentence(random, random.Next(6, 14), english: false)).Append('。');
            }
        }

        if (random.Next(100) == 0)
        {
            text.Append(" [翻译失败]");
        }

        return text.ToString();
    }

    private static string Sentence(Random random, int words, bool english)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (random.Next(6) == 0 || (english && i == 0))
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(Pick(random, SyntheticVocabulary.EnglishWords)).Append(' ');
            }
            else
            {
                text.Append(SyntheticVocabulary.PickChinese(random));
            }
        }

        return text.ToString().Trim();
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
}

using System.Text;
using Digest.Core.Papers;

namespace Digest.Core.Export;

/// <summary>
/// Writes a day in the digest format itself, so that importing the output into an empty database gives the same
/// entries back. One source is a per-source page (<c># arXiv 2025-10-22</c> and its table); several sources are
/// a combined page (<c># 2025-10-22 每日论文</c>, the index table, then a <c>## arXiv</c> section per source).
/// The table has <c>标题 | 作者 | PDF链接 |  摘要</c>, plus <c>发布日期</c>, <c>代码链接</c>, <c>Title</c>,
/// <c>Abstract</c> and any unknown columns only when some entry of that digest has them.
/// </summary>
public sealed class DayMarkdownExporter : IDayExporter
{
    public const string NoPapersLine = "> 当天没有抓取到有效论文。";
    public const string FetchFailedPrefix = "抓取失败：";

    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public void Write(DayExport day, Stream output)
    {
        using var writer = new StreamWriter(output, Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        Write(day, writer);
    }

    public string ToMarkdown(DayExport day)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        Write(day, writer);
        return writer.ToString();
    }

    public void Write(DayExport day, TextWriter writer)
    {
        var date = day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (day.Digests.Count == 1)
        {
            writer.Write($"# {Source.DisplayName(day.Digests[0].Source)} {date}\n\n");
            WriteBody(day.Digests[0], writer);
            return;
        }

        writer.Write($"# {date} 每日论文\n\n| 来源 | 独立页面 |\n|------|----------|\n");
        foreach (var digest in day.Digests)
        {
            var name = Source.DisplayName(digest.Source);
            writer.Write($"| {name} | [{name}]({date}-{digest.Source}.md) |\n");
        }

        foreach (var digest in day.Digests)
        {
            writer.Write($"\n## {Source.DisplayName(digest.Source)}\n\n");
            WriteBody(digest, writer);
        }
    }

    private static void WriteBody(SourceDigest digest, TextWriter writer)
    {
        if (digest.State == DigestState.FetchFailed)
        {
            writer.Write($"> {FetchFailedLine(digest.StateNote)}\n");
            return;
        }

        if (digest.Entries.Count == 0 && digest.StateNote is not null)
        {
            writer.Write(NoPapersLine + "\n");
            return;
        }

        var columns = DigestColumn.For(digest.Entries);
        writer.Write("| " + string.Join(" | ", columns.Select(c => c.Header)) + " |\n");
        writer.Write("|" + string.Join("|", columns.Select(c => c.Rule)) + "|\n");
        foreach (var entry in digest.Entries)
        {
            writer.Write("| ");
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    writer.Write(" | ");
                }

                writer.Write(MarkdownCell.Escape(columns[i].Cell(entry)));
            }

            writer.Write(" |\n");
        }
    }

    private static string FetchFailedLine(string? note)
    {
        var text = string.IsNullOrWhiteSpace(note) ? "未知原因" : string.Join(' ', note.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return text.StartsWith(FetchFailedPrefix, StringComparison.Ordinal) ? text : FetchFailedPrefix + text;
    }
}

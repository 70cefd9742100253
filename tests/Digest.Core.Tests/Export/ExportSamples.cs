using Digest.Core.Export;
using Digest.Core.Papers;

namespace Digest.Core.Tests.Export;

/// <summary>Entries and days built in memory, for exporter tests that need no parser.</summary>
internal static class ExportSamples
{
    public static readonly DateOnly Date = new(2025, 10, 22);

    public static ExportEntry Entry(int rank, string title, string key = "2510.18876", string source = Source.Arxiv) => new()
    {
        Date = Date,
        Source = source,
        Rank = rank,
        Key = key,
        KeyKind = key.StartsWith("10.", StringComparison.Ordinal) ? PaperKeyKind.Doi : key.StartsWith("h-", StringComparison.Ordinal) ? PaperKeyKind.Hash : PaperKeyKind.Arxiv,
        Title = title,
        Authors = ["Haochen Wang"],
        PdfUrl = key.StartsWith("h-", StringComparison.Ordinal) ? null : $"http://arxiv.org/pdf/{key}v1",
        Abstract = "摘要。",
        Days = [Date],
    };

    /// <summary>Entries whose cells hold everything that can go wrong in a table or a CSV field.</summary>
    public static IReadOnlyList<ExportEntry> Awkward() =>
    [
        Entry(1, "抓取任意区域") with
        {
            TitleNote = "（注：译注，含逗号, \"引号\" 和竖线 | 。）\n第二行注释",
            Abstract = "第一段，a, b。\n\n第二段：范数 \\|x\\| 与 a|b。\n\n1. 列表项\n## 标题样式的行",
            Flags = [EntryFlags.TitleNote, EntryFlags.Multiline],
        },
        Entry(2, "管道 | 标题 <script>alert(1)</script>", "2510.18874") with
        {
            Authors = ["Alves, J. M."],
            Abstract = "English text stands here. [翻译失败]",
            Flags = [EntryFlags.TranslationFailed],
        },
        Entry(3, "无链接论文", "h-0011223344556677") with { Abstract = null, Authors = [], Flags = [EntryFlags.NoLink] },
        Entry(4, "英文标题的论文", "2510.18800") with
        {
            TitleEn = "A Paper With \"Quotes\", Commas | Pipes",
            AbstractEn = "Line one,\r\nline two",
            Published = "2025-10-21",
            CodeUrl = "https://github.com/x/y",
        },
    ];

    public static DayExport OneSource(IReadOnlyList<ExportEntry> entries, string source = Source.Arxiv) =>
        new(Date, source, [new SourceDigest(source, DigestState.Papers, null, entries)]);
}

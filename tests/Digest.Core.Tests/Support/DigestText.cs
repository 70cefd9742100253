using System.Text;

namespace Digest.Core.Tests.Support;

/// <summary>Writes small per-source day pages in the generator's 2025 format, one row per paper.</summary>
public static class DigestText
{
    public sealed record Paper(string Title, string Author, string ArxivId, string Abstract = "摘要。");

    public static string Day(string source, string date, params Paper[] papers)
    {
        var text = new StringBuilder($"# {source} {date}\n\n| 标题 | 作者 | PDF链接 |  摘要 |\n|------|------|--------|------|\n");
        foreach (var p in papers)
        {
            text.Append($"| {p.Title} | {p.Author} | [PDF](http://arxiv.org/pdf/{p.ArxivId}v1) | {p.Abstract} |\n");
        }

        return text.ToString();
    }
}

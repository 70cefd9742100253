namespace Digest.Web.Tests.Support;

/// <summary>
/// The digests the tests serve: the real seed (2025-10-22, arXiv, 10 papers) plus small handcrafted ones in the
/// one-line-per-row shape. 2025-10-20 holds hostile cells; 2025-10-21 is an empty day (no papers / fetch failed).
/// </summary>
public static class TestDigests
{
    public const string SeedDate = "2025-10-22";
    public const string LatestDate = "2025-10-23";
    public const string HostileDate = "2025-10-20";
    public const string EmptyDate = "2025-10-21";
    public const string DoiKey = "10.1101/2025.10.20.683456";
    public const string RepeatedKey = "2510.18876";

    public const string Arxiv1023 = """
        # arxiv 2025-10-23

        | 标题 | 作者 | PDF链接 |  摘要 |
        |------|------|--------|------|
        | 抓取任意区域：迈向多模态大语言模型的精准上下文像素理解 | Haochen Wang | [PDF](http://arxiv.org/pdf/2510.18876v2) | 第一段摘要：区域级理解。

        第二段摘要：跨区域推理。 |
        | 第二篇测试论文：长上下文检索 | Haochen Wang | [PDF](http://arxiv.org/pdf/2510.20001v1) | 另一篇论文的摘要。 |

        """;

    public const string Biorxiv1023 = """
        # biorxiv 2025-10-23

        | 标题 | 作者 | PDF链接 |  摘要 |
        |------|------|--------|------|
        | 单细胞图谱揭示小鼠海马体发育 | Li Wei | [PDF](https://www.biorxiv.org/content/10.1101/2025.10.20.683456v1.full.pdf) | 我们构建了单细胞图谱。 |

        """;

    public const string Hostile1020 = """
        # arxiv 2025-10-20

        | 标题 | 作者 | PDF链接 |  摘要 |
        |------|------|--------|------|
        | <script>window.__xss=1;alert(1)</script>恶意标题 | <img src=x onerror="window.__xss=2;alert(2)"> | [PDF](javascript:window.__xss=3;alert(3)) | [点我](javascript:window.__xss=4;alert(4)) <script>window.__xss=5</script><img src=x onerror="window.__xss=6"> |
        | 正常的第二篇 | Alice Zhang | [PDF](http://arxiv.org/pdf/2510.10002v1) | 普通摘要。 |

        """;

    /// <summary>Writes the seed and the handcrafted digests into <paramref name="folder"/>.</summary>
    public static void WriteSeeds(string folder)
    {
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(RepositoryRoot(), "seeds", "2025-10-22-arxiv.md"), Path.Combine(folder, "2025-10-22-arxiv.md"), overwrite: true);
        File.WriteAllText(Path.Combine(folder, "2025-10-23-arxiv.md"), Arxiv1023);
        File.WriteAllText(Path.Combine(folder, "2025-10-23-biorxiv.md"), Biorxiv1023);
        File.WriteAllText(Path.Combine(folder, "2025-10-20-arxiv.md"), Hostile1020);
    }

    /// <summary>A digest for a day, in the simple shape, with the given (title, author, arXiv id) rows.</summary>
    public static string Simple(string source, string date, params (string Title, string Author, string ArxivId)[] rows)
    {
        var lines = new List<string> { $"# {source} {date}", "", "| 标题 | 作者 | PDF链接 |  摘要 |", "|------|------|--------|------|" };
        lines.AddRange(rows.Select(r => $"| {r.Title} | {r.Author} | [PDF](http://arxiv.org/pdf/{r.ArxivId}v1) | {r.Title}的摘要。 |"));
        return string.Join('\n', lines) + "\n";
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Digest.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Digest.sln)");
    }
}

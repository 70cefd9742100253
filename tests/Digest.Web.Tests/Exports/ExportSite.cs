using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Exports;

/// <summary>The test site plus a day whose cells hold what CSV must quote: commas, quotes and newlines.</summary>
public sealed class ExportSite : DigestSite
{
    public const string AwkwardDate = "2025-09-01";

    public const string Awkward = """
        # arXiv 2025-09-01

        | 标题 | 作者 | PDF链接 |  摘要 |
        |------|------|--------|------|
        | 逗号, "引号" 与换行

        （注：译注里也有, 逗号。） | Alves, J. M. | [PDF](http://arxiv.org/pdf/2509.00001v1) | 第一段, 有逗号和 "引号"。

        第二段：a "quoted, word" here. |
        | 普通标题 | Bo Li | [PDF](http://arxiv.org/pdf/2509.00002v3) | 只有一段。 |

        """;

    protected override void Prepare()
    {
        base.Prepare();
        File.WriteAllText(Path.Combine(SeedsFolder, $"{AwkwardDate}-arxiv.md"), Awkward);
    }
}

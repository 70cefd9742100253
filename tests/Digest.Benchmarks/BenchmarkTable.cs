using System.Globalization;
using System.Text;

namespace Digest.Benchmarks;

/// <summary>The figures of one run, each beside the baseline measured in the same run, printed as markdown.</summary>
public sealed class BenchmarkTable
{
    private readonly List<(string Figure, string Value, string Baseline, string Ratio, string Target)> _rows = [];

    public void Add(string figure, string value, string baseline = "", string ratio = "", string target = "")
    {
        _rows.Add((figure, value, baseline, ratio, target));
        Console.Error.WriteLine($"  {figure}: {value} {(baseline.Length > 0 ? $"(baseline {baseline}, ratio {ratio})" : "")}");
    }

    public static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    public string ToMarkdown(string title)
    {
        var text = new StringBuilder();
        text.AppendLine($"### {title}");
        text.AppendLine();
        text.AppendLine("| figure | value | baseline (same run) | ratio | target |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var row in _rows)
        {
            text.AppendLine($"| {row.Figure} | {row.Value} | {row.Baseline} | {row.Ratio} | {row.Target} |");
        }

        return text.ToString();
    }
}

using System.Globalization;
using System.Text;
using Digest.Core.Import;

namespace Digest.Core.Tests.Import;

/// <summary>
/// One test per spec, in the style of Markdig's specs: <c>Specs/&lt;variant&gt;.md</c> is a small digest written
/// for one format variant and <c>Specs/&lt;variant&gt;.expected</c> holds options and the expected parse.
/// Options (before a <c>===</c> line): <c>path:</c> the file name the parser sees, <c>date:</c> the date override,
/// <c>transform:</c> any of <c>crlf</c>, <c>bom</c>, <c>zero-width</c> applied to the input bytes first.
/// </summary>
public sealed class DigestParserSpecTests
{
    private static readonly string SpecDirectory = Path.Combine(AppContext.BaseDirectory, "Specs");

    public static TheoryData<string> Specs() => [.. SpecNames()];

    private static IEnumerable<string> SpecNames() =>
        Directory.GetFiles(SpecDirectory, "*.md").Order(StringComparer.Ordinal).Select(f => Path.GetFileNameWithoutExtension(f)!);

    [Fact]
    public void Every_spec_input_has_an_expectation()
    {
        var names = SpecNames().ToList();
        Assert.True(names.Count >= 20, $"only {names.Count} specs found in {SpecDirectory}");
        Assert.All(names, name => Assert.True(File.Exists(Path.Combine(SpecDirectory, name + ".expected")), name));
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec(string name)
    {
        var expectedFile = File.ReadAllText(Path.Combine(SpecDirectory, name + ".expected")).Replace("\r\n", "\n");
        var split = expectedFile.IndexOf("===\n", StringComparison.Ordinal);
        Assert.True(split >= 0, $"{name}.expected has no '===' line after its options");
        var options = expectedFile[..split].Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        var expected = expectedFile[(split + 4)..];

        var input = File.ReadAllText(Path.Combine(SpecDirectory, name + ".md")).Replace("\r\n", "\n");
        var bytes = Transform(input, options.GetValueOrDefault("transform", string.Empty));
        DateOnly? date = options.TryGetValue("date", out var d) ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

        var parsed = DigestParser.Parse(options.GetValueOrDefault("path", name + ".md"), bytes, date);

        Assert.Equal(expected, ParsedFileDump.Write(parsed));
    }

    private static byte[] Transform(string input, string transforms)
    {
        foreach (var t in transforms.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            input = t switch
            {
                "crlf" => input.Replace("\n", "\r\n"),
                "zero-width" => input.Replace("标题", "标\u200B题").Replace("零宽", "零\uFEFF宽"),
                "bom" => input,
                _ => throw new ArgumentException($"unknown transform {t}"),
            };
        }

        var bytes = Encoding.UTF8.GetBytes(input);
        return transforms.Contains("bom", StringComparison.Ordinal) ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes;
    }
}

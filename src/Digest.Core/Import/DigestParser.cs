using System.Text;
using System.Text.RegularExpressions;
using Digest.Core.Papers;

namespace Digest.Core.Import;

// Interim line-based reader; the Markdig-based parser replaces it.
public static class DigestParser
{
    public static ParsedFile Parse(string path, ReadOnlySpan<byte> content, DateOnly? dateOverride = null)
    {
        var text = Encoding.UTF8.GetString(content);
        var lines = text.Split('\n');
        var m = Regex.Match(text, @"^# (\w+) (\d{4}-\d{2}-\d{2})", RegexOptions.Multiline);
        if (!m.Success) return new ParsedFile { Path = path, Problems = [new ImportProblem(path, 1, "no table")] };
        var rows = new List<DigestRow>();
        var sb = new StringBuilder(); var start = 0;
        for (var i = 4; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("| ") && sb.Length > 0) { rows.Add(Row(sb.ToString(), start)); sb.Clear(); }
            if (sb.Length == 0) start = i + 1;
            sb.Append(lines[i]).Append('\n');
        }
        if (sb.ToString().Trim().Length > 0) rows.Add(Row(sb.ToString(), start));
        return new ParsedFile { Path = path, Sections = [new DigestSection { Date = DateOnly.Parse(m.Groups[2].Value), Source = Source.Parse(m.Groups[1].Value)!, Kind = SectionKind.PerSource, State = DigestState.Papers, Line = 1, Rows = rows }] };
    }

    private static DigestRow Row(string raw, int line)
    {
        var cells = raw.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        var title = cells[0].Split('\n');
        var pdf = Regex.Match(cells[2], @"\((.*)\)").Groups[1].Value;
        return new DigestRow { Line = line, EndLine = line, Title = title[0], TitleNote = title.Length > 1 ? string.Join("\n", title.Skip(1)).Trim() : null, Authors = [cells[1]], PdfUrl = pdf, Abstract = cells[3] };
    }
}

using System.Globalization;
using System.Text;
using Digest.Core.Papers;

namespace Digest.Core.Tests.Import;

/// <summary>
/// A readable, diffable text form of a <see cref="ParsedFile"/>, the form the spec files' expectations are
/// written in. Fields that are null are left out; text escapes <c>\</c>, newlines and TABs.
/// </summary>
internal static class ParsedFileDump
{
    public static string Write(ParsedFile file)
    {
        var text = new StringBuilder();
        foreach (var s in file.Sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"section {s.Date:yyyy-MM-dd} {s.Source} {s.Kind} {s.State} @{s.Line}");
            if (s.StateNote is not null)
            {
                text.Append(" note=").Append(Escape(s.StateNote));
            }

            text.Append('\n');
            foreach (var r in s.Rows)
            {
                text.Append(CultureInfo.InvariantCulture, $"row {r.Line}-{r.EndLine}\n");
                Field(text, "title", r.Title);
                Field(text, "note", r.TitleNote);
                Field(text, "authors", r.Authors.Count == 0 ? null : string.Join(" ; ", r.Authors));
                Field(text, "pdf", r.PdfUrl);
                Field(text, "code", r.CodeUrl);
                Field(text, "title_en", r.TitleEn);
                Field(text, "abstract", r.Abstract);
                Field(text, "abstract_en", r.AbstractEn);
                Field(text, "published", r.Published);
                foreach (var (key, value) in r.Extra.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    Field(text, $"extra[{key}]", value);
                }

                Field(text, "flags", r.Flags.Count == 0 ? null : string.Join(',', r.Flags));
            }
        }

        foreach (var p in file.Problems)
        {
            text.Append(CultureInfo.InvariantCulture, $"problem {p.Line}: {p.Message}\n");
            Field(text, "raw", p.RawText);
        }

        return text.ToString();
    }

    private static void Field(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            text.Append("  ").Append(name).Append(": ").Append(Escape(value)).Append('\n');
        }
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\t", "\\t");
}

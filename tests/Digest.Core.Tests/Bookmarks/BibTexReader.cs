using System.Text.RegularExpressions;

namespace Digest.Core.Tests.Bookmarks;

/// <summary>
/// Reads BibTeX the way BibTeX does: a field's value runs to its matching brace, counting every brace and
/// ignoring backslashes. Enough to prove that escaped text cannot end a field or an entry early.
/// </summary>
public static partial class BibTexReader
{
    public sealed record Entry(string Type, string Key, IReadOnlyDictionary<string, string> Fields);

    public static List<Entry> Read(string text)
    {
        var entries = new List<Entry>();
        var at = 0;
        while ((at = text.IndexOf('@', at)) >= 0)
        {
            var head = EntryHead().Match(text, at);
            Assert.True(head.Success, $"no entry head at {at}");
            at = head.Index + head.Length;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            while (true)
            {
                at = SkipSpace(text, at);
                if (text[at] == '}')
                {
                    at++;
                    break;
                }

                var name = FieldHead().Match(text, at);
                Assert.True(name.Success && name.Index == at, $"no field at {at}: {text[at..Math.Min(text.Length, at + 30)]}");
                at = name.Index + name.Length;
                var (value, end) = Braced(text, at);
                fields.Add(name.Groups["name"].Value, value);
                at = SkipSpace(text, end);
                if (text[at] == ',')
                {
                    at++;
                }
            }

            entries.Add(new Entry(head.Groups["type"].Value, head.Groups["key"].Value, fields));
        }

        return entries;
    }

    private static (string Value, int End) Braced(string text, int at)
    {
        Assert.Equal('{', text[at]);
        var depth = 0;
        for (var i = at; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return (text[(at + 1)..i], i + 1);
            }
        }

        throw new Xunit.Sdk.XunitException("unbalanced braces in a field");
    }

    private static int SkipSpace(string text, int at)
    {
        while (char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    [GeneratedRegex(@"\G@(?<type>[a-z]+)\{(?<key>[^,\s]+),")]
    private static partial Regex EntryHead();

    [GeneratedRegex(@"\G(?<name>[A-Za-z]+) = ")]
    private static partial Regex FieldHead();
}

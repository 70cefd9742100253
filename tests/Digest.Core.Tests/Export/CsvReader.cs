using System.Text;

namespace Digest.Core.Tests.Export;

/// <summary>A strict RFC 4180 reader: quoted fields may hold commas, CR, LF and doubled quotes; records end in CRLF.</summary>
internal static class CsvReader
{
    public static List<List<string>> Read(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                for (i++; ; i++)
                {
                    Assert.True(i < text.Length, "an unclosed quoted field");
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i]);
                    }
                }

                Assert.True(i >= text.Length || text[i] is ',' or '\r', $"text after a closing quote at {i}");
                continue;
            }

            switch (text[i])
            {
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r':
                    Assert.Equal('\n', text[i + 1]);
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    i += 2;
                    break;
                default:
                    Assert.False(text[i] is '"' or '\n', $"a bare quote or LF at {i}");
                    field.Append(text[i++]);
                    break;
            }
        }

        Assert.True(record.Count == 0 && field.Length == 0, "the last record has no CRLF");
        return records;
    }
}

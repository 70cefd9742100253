using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Digest.Core.Import;

/// <summary>
/// The text of one digest file, decoded and split into lines: UTF-8 with or without a BOM, LF or CRLF, zero-width
/// spaces and stray BOMs removed. Line <c>i</c> of <see cref="Lines"/> is line <c>i + 1</c> of the file.
/// </summary>
internal sealed class DigestFile
{
    private static readonly SearchValues<char> Invisible = SearchValues.Create("\u200B\u2060\uFEFF\r");

    private DigestFile(string[] lines) => Lines = lines;

    public string[] Lines { get; }

    /// <summary>True when the file holds nothing but whitespace.</summary>
    public bool IsBlank => Lines.All(string.IsNullOrWhiteSpace);

    /// <summary>Decodes <paramref name="content"/>, or says in <paramref name="error"/> why it is not a text file.</summary>
    public static DigestFile? TryDecode(ReadOnlySpan<byte> content, out string? error)
    {
        error = null;
        var nul = content.IndexOf((byte)0);
        if (nul >= 0)
        {
            error = $"binary file: NUL byte at offset {nul}; a digest is UTF-8 markdown";
            return null;
        }

        if (content.StartsWith("\xEF\xBB\xBF"u8))
        {
            content = content[3..];
        }

        if (!Utf8.IsValid(content))
        {
            error = $"not valid UTF-8 (first bad byte at offset {FirstInvalidByte(content)}); save the file as UTF-8";
            return null;
        }

        var text = Encoding.UTF8.GetString(content);
        if (text.AsSpan().IndexOfAny(Invisible) >= 0)
        {
            text = RemoveInvisible(text);
        }

        return new DigestFile(text.Split('\n'));
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> content)
    {
        Span<char> buffer = stackalloc char[1024];
        var offset = 0;
        while (offset < content.Length)
        {
            var status = Utf8.ToUtf16(content[offset..], buffer, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            offset += read;
            if (status != OperationStatus.DestinationTooSmall)
            {
                break;
            }
        }

        return offset;
    }

    /// <summary>Drops zero-width characters; CRLF and lone CR become LF so line numbers stay those of the file.</summary>
    private static string RemoveInvisible(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\u200B' or '\u2060' or '\uFEFF':
                    continue;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        continue;
                    }

                    builder.Append('\n');
                    continue;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}

using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.Json;
using Digest.Core.Papers;

namespace Digest.Core.Import;

/// <summary>A row made ready for storage: its paper key, JSON columns and content hash.</summary>
internal sealed record EntryRecord(DigestRow Row, int Rank, PaperKey Key, string AuthorsJson, string FlagsJson, string? ExtraJson, string RowHash)
{
    public static EntryRecord From(DigestSection section, DigestRow row, int rank)
    {
        var key = PaperKey.FromLink(row.PdfUrl) ?? PaperKey.ForUnlinked(section.Date, section.Source, row.Title);
        var authors = JsonSerializer.Serialize(row.Authors, JsonText.Options);
        var flags = JsonSerializer.Serialize(row.Flags, JsonText.Options);
        var extra = row.Extra.Count == 0 ? null : JsonSerializer.Serialize(row.Extra, JsonText.Options);
        return new EntryRecord(row, rank, key, authors, flags, extra, Hash(row, key, authors, flags, extra));
    }

    private static string Hash(DigestRow row, PaperKey key, string authors, string flags, string? extra)
    {
        var hash = new XxHash128();
        foreach (var field in (ReadOnlySpan<string?>)[key.Value, row.Title, row.TitleNote, authors, row.PdfUrl, row.CodeUrl,
            row.TitleEn, row.Abstract, row.AbstractEn, row.Published, flags, extra])
        {
            hash.Append(MemoryMarshal.AsBytes((field ?? "\u0000").AsSpan()));
            hash.Append([0x1f, 0]);
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}

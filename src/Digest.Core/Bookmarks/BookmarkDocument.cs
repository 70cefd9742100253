using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Digest.Core.Bookmarks;

/// <summary>
/// The export format: <c>{"version":1,"exported_at":"…","bookmarks":[{"kind","target","created_at"}]}</c>.
/// Reading is strict about the document and forgiving about items: a malformed item is reported and skipped.
/// </summary>
public static class BookmarkDocument
{
    public const int Version = 1;

    /// <summary>Larger than any export of <see cref="Storage.BookmarkStore.MaxPerReader"/> bookmarks.</summary>
    public const int MaxChars = 4 * 1024 * 1024;

    public const int MaxItems = Storage.BookmarkStore.MaxPerReader;

    public sealed record Item(string Kind, string Target, string CreatedAt);

    public sealed record Parsed(IReadOnlyList<(BookmarkTarget Target, DateTimeOffset? CreatedAt)> Items, IReadOnlyList<string> Invalid);

    public static string Write(DateTimeOffset exportedAt, IEnumerable<Item> items)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonText.Options.Encoder, Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("exported_at", Storage.BookmarkStore.FormatTime(exportedAt));
            json.WriteStartArray("bookmarks");
            foreach (var item in items)
            {
                json.WriteStartObject();
                json.WriteString("kind", item.Kind);
                json.WriteString("target", item.Target);
                json.WriteString("created_at", item.CreatedAt);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The document's items; throws <see cref="BookmarkImportException"/> for anything but a version-1 export.</summary>
    public static Parsed Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new BookmarkImportException("the file is empty");
        }

        if (text.Length > MaxChars)
        {
            throw new BookmarkImportException($"the file is larger than {MaxChars / 1024 / 1024} MB");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new BookmarkImportException($"the file is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BookmarkImportException("the file is not a bookmark export: expected a JSON object");
            }

            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var number) || number != Version)
            {
                throw new BookmarkImportException($"the file is not a version {Version} bookmark export");
            }

            if (!root.TryGetProperty("bookmarks", out var bookmarks) || bookmarks.ValueKind != JsonValueKind.Array)
            {
                throw new BookmarkImportException("the file has no \"bookmarks\" list");
            }

            if (bookmarks.GetArrayLength() > MaxItems)
            {
                throw new BookmarkImportException($"the file holds more than {MaxItems:N0} bookmarks");
            }

            return ReadItems(bookmarks);
        }
    }

    private static Parsed ReadItems(JsonElement bookmarks)
    {
        var items = new List<(BookmarkTarget, DateTimeOffset?)>();
        var invalid = new List<string>();
        var index = 0;
        foreach (var element in bookmarks.EnumerateArray())
        {
            var problem = ReadItem(element, out var item);
            if (problem is null)
            {
                items.Add(item);
            }
            else
            {
                invalid.Add($"#{index}: {problem}");
            }

            index++;
        }

        return new Parsed(items, invalid);
    }

    private static string? ReadItem(JsonElement element, out (BookmarkTarget, DateTimeOffset?) item)
    {
        item = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return "not an object";
        }

        var kind = Text(element, "kind");
        var target = Text(element, "target");
        if (kind is null || target is null)
        {
            return "needs a \"kind\" and a \"target\"";
        }

        if (BookmarkTarget.TryParse(kind, target) is not { } parsed)
        {
            return $"not a bookmark target: {Clip(kind)}:{Clip(target)}";
        }

        DateTimeOffset? createdAt = null;
        if (Text(element, "created_at") is { } time)
        {
            if (!DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                return $"not a time: {Clip(time)}";
            }

            createdAt = at;
        }

        item = (parsed, createdAt);
        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

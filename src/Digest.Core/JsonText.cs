using System.Text.Encodings.Web;
using System.Text.Json;

namespace Digest.Core;

/// <summary>JSON settings for stored and exported text: Chinese stays readable, nothing is indented.</summary>
public static class JsonText
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static IReadOnlyList<string> ReadList(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json, Options) ?? [];
}

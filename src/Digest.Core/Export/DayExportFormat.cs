namespace Digest.Core.Export;

/// <summary>
/// The formats a day can be exported in, with what an HTTP response needs: content type and file name.
/// An endpoint finds the format by name, asks <see cref="DayExportQuery"/> for the day, and calls
/// <see cref="WriteAsync"/> on the response body.
/// </summary>
public sealed record DayExportFormat(string Name, string Extension, string ContentType, IDayExporter Exporter)
{
    public static readonly DayExportFormat Csv = new("csv", "csv", "text/csv; charset=utf-8", new DayCsvExporter());
    public static readonly DayExportFormat Json = new("json", "json", "application/json; charset=utf-8", new DayJsonExporter());
    public static readonly DayExportFormat Markdown = new("md", "md", "text/markdown; charset=utf-8", new DayMarkdownExporter());
    public static readonly DayExportFormat BibTex = new("bib", "bib", "application/x-bibtex; charset=utf-8", new DayBibTexExporter());

    public static IReadOnlyList<DayExportFormat> All { get; } = [Csv, Json, Markdown, BibTex];

    /// <summary>
    /// The format named <paramref name="name"/> (<c>csv</c>, <c>json</c>, <c>md</c> or <c>markdown</c>, <c>bib</c> or
    /// <c>bibtex</c>; any case), or null for anything else.
    /// </summary>
    public static DayExportFormat? Find(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "csv" => Csv,
        "json" => Json,
        "md" or "markdown" => Markdown,
        "bib" or "bibtex" => BibTex,
        _ => null,
    };

    /// <summary><c>2025-10-22.csv</c> or <c>2025-10-22-arxiv.csv</c>.</summary>
    public string FileName(DayExport day) => $"{day.FileStem}.{Extension}";

    public void Write(DayExport day, Stream output) => Exporter.Write(day, output);

    /// <summary>
    /// Renders into memory, then copies asynchronously: Kestrel forbids synchronous writes to a response body, and a
    /// day (at most a few hundred rows) is small.
    /// </summary>
    public async Task WriteAsync(DayExport day, Stream output, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        Exporter.Write(day, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }
}

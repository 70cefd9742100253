using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Digest.Core.Export;
using Digest.Core.Papers;
using Digest.Core.Storage;
using Digest.Web.Caching;
using Digest.Web.Rendering;

namespace Digest.Web.Api;

/// <summary>
/// Atom feeds of the newest days: <c>/feed</c> (every source) and <c>/feed/{source}</c>, one entry per paper of
/// each day. An entry has the Chinese title, the Chinese abstract as its summary, the authors, the paper page as
/// its link, the PDF as an enclosure, and an id that never changes: <c>urn:digest:{date}:{source}:{key}</c>.
/// Responses go through the output cache and carry the data version as ETag and the last import as
/// Last-Modified, so <c>If-None-Match</c> and <c>If-Modified-Since</c> get 304.
/// </summary>
public static class FeedEndpoints
{
    public const int FeedDays = 3;
    public const string AtomContentType = "application/atom+xml; charset=utf-8";

    public static IEndpointRouteBuilder MapDigestFeeds(this IEndpointRouteBuilder endpoints)
    {
        var feeds = endpoints.MapGroup("/feed").WithMetadata(new VersionedByDataAttribute()).CacheOutput(DigestCachePolicy.Name);
        feeds.MapGet("/", (HttpContext context, PaperStore store, DayExportQuery days, DataChange change) => Feed(context, null, store, days, change));
        feeds.MapGet("/{source}", (HttpContext context, string source, PaperStore store, DayExportQuery days, DataChange change) =>
            Source.Parse(source) is { } slug
                ? Feed(context, slug, store, days, change)
                : Results.Problem(statusCode: 404, title: "没有这个来源", detail: $"unknown source '{source}'"));
        return endpoints;
    }

    /// <summary>The entry id of a paper on a day: the same in every fetch, whatever the host.</summary>
    public static string EntryId(ExportEntry entry) => $"urn:digest:{entry.Date:yyyy-MM-dd}:{entry.Source}:{entry.Key}";

    private static IResult Feed(HttpContext context, string? source, PaperStore store, DayExportQuery query, DataChange change)
    {
        var lastModified = change.LastModified();
        if (NotModifiedSince(context.Request, lastModified))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var days = store.GetDays()
            .Where(d => d.Sources.Any(s => s.Count > 0 && (source is null || s.Source == source)))
            .Take(FeedDays)
            .Select(d => query.Find(DateOnly.ParseExact(d.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), source))
            .OfType<DayExport>()
            .ToList();
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        var name = source is null ? "Digest 每日论文" : $"Digest 每日论文 · {Source.DisplayName(source)}";
        var self = source is null ? "/feed" : "/feed/" + source;
        var feed = new SyndicationFeed(name, "arXiv、bioRxiv、medRxiv 每日论文的中文摘要", new Uri(origin + "/"))
        {
            Id = "urn:digest:feed" + (source is null ? "" : ":" + source),
            LastUpdatedTime = days.Count > 0 ? Midnight(days[0].Date) : DateTimeOffset.UnixEpoch,
            Language = "zh-CN",
            Items = days.SelectMany(d => d.Entries).Select(e => Item(origin, e)).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(origin + self), "self", name, "application/atom+xml", 0));
        context.Response.Headers.LastModified = lastModified.ToString("R", CultureInfo.InvariantCulture);
        return Results.Bytes(Write(feed), AtomContentType);
    }

    private static SyndicationItem Item(string origin, ExportEntry entry)
    {
        var item = new SyndicationItem
        {
            Id = EntryId(entry),
            Title = new TextSyndicationContent(XmlText.Safe(entry.Title)),
            Summary = new TextSyndicationContent(XmlText.Safe(Summary(entry))),
            PublishDate = Midnight(entry.Date),
            LastUpdatedTime = Midnight(entry.Date),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(origin + Links.Paper(entry.Key, Iso(entry.Date), entry.Source)), "text/html"));
        if (Uri.TryCreate(entry.PdfUrl, UriKind.Absolute, out var pdf) && (pdf.Scheme == Uri.UriSchemeHttp || pdf.Scheme == Uri.UriSchemeHttps))
        {
            item.Links.Add(new SyndicationLink(pdf, "enclosure", "PDF", "application/pdf", 0));
        }

        foreach (var author in entry.Authors.Where(a => !string.IsNullOrWhiteSpace(a)).Take(20))
        {
            item.Authors.Add(new SyndicationPerson { Name = XmlText.Safe(author) });
        }

        item.Categories.Add(new SyndicationCategory(entry.Source, null, Source.DisplayName(entry.Source)));
        return item;
    }

    /// <summary>The Chinese abstract, with the translator's note first when there is one; the English one when there is no Chinese.</summary>
    private static string Summary(ExportEntry entry)
    {
        var text = entry.Abstract ?? entry.AbstractEn ?? "";
        return string.IsNullOrWhiteSpace(entry.TitleNote) ? text : entry.TitleNote + "\n\n" + text;
    }

    private static bool NotModifiedSince(HttpRequest request, DateTimeOffset lastModified) =>
        request.Headers.IfNoneMatch.Count == 0
        && request.GetTypedHeaders().IfModifiedSince is { } since
        && lastModified <= since.AddSeconds(1);

    /// <summary>UTF-8 bytes, so that the XML declaration says utf-8 (a StringBuilder would make it utf-16).</summary>
    internal static byte[] Write(SyndicationFeed feed)
    {
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return output.ToArray();
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

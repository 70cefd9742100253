using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Digest.Core.Bookmarks;

namespace Digest.Web.Tests.Bookmarks;

/// <summary>One browser: its own cookie jar against the real Kestrel site, no redirects followed.</summary>
public sealed class Reader : IDisposable
{
    private string? _token;

    public Reader(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        Client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Client { get; }

    public string? CookieValue => Cookies.GetCookies(Client.BaseAddress!)[ReaderId.CookieName]?.Value;

    public void SetReaderCookie(string value) =>
        Cookies.Add(Client.BaseAddress!, new Cookie(ReaderId.CookieName, value, "/"));

    public async Task<string> TokenAsync()
    {
        if (_token is null)
        {
            using var document = JsonDocument.Parse(await Client.GetStringAsync("/bookmarks/token"));
            _token = document.RootElement.GetProperty("token").GetString()!;
        }

        return _token;
    }

    public async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true, bool json = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        if (withToken)
        {
            request.Headers.Add("X-CSRF-TOKEN", await TokenAsync());
        }

        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> ToggleAsync(string kind, string target, bool withToken = true, bool json = true, string? returnUrl = null) =>
        PostAsync("/bookmarks/toggle", Fields(kind, target, returnUrl), withToken, json);

    public Task<HttpResponseMessage> RemoveAsync(string kind, string target, bool withToken = true) =>
        PostAsync("/bookmarks/remove", Fields(kind, target, null), withToken);

    /// <summary>The reader's bookmarks as "kind:target", from the JSON twin.</summary>
    public async Task<List<string>> ListAsync()
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync("/api/bookmarks"));
        var root = document.RootElement;
        return root.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("kind").GetString() + ":" + d.GetProperty("target").GetString())
            .Concat(root.GetProperty("papers").EnumerateArray().Select(p => "paper:" + p.GetProperty("key").GetString()))
            .ToList();
    }

    public async Task<IHtmlDocument> PageAsync(string url)
    {
        var html = await Client.GetStringAsync(url);
        return new HtmlParser().ParseDocument(html);
    }

    public void Dispose() => Client.Dispose();

    private static List<KeyValuePair<string, string>> Fields(string kind, string target, string? returnUrl)
    {
        var fields = new List<KeyValuePair<string, string>> { new("kind", kind), new("target", target) };
        if (returnUrl is not null)
        {
            fields.Add(new("returnUrl", returnUrl));
        }

        return fields;
    }
}

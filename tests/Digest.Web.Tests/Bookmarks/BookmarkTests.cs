using System.Net;
using System.Text.Json;
using Digest.Core.Bookmarks;
using Digest.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Digest.Web.Tests.Bookmarks;

/// <summary>Bookmarks over HTTP with independent cookie jars against the real Kestrel site.</summary>
[Collection(SiteCollection.Name)]
public sealed class BookmarkTests(DigestSite site) : IDisposable
{
    private const string Day = TestDigests.SeedDate;
    private const string Paper = TestDigests.RepeatedKey;
    private readonly List<Reader> _readers = [];

    public void Dispose()
    {
        foreach (var reader in _readers)
        {
            reader.Dispose();
        }
    }

    [Fact]
    public async Task Two_readers_never_see_or_change_each_others_bookmarks()
    {
        var alice = NewReader();
        var bob = NewReader();
        Assert.Equal(HttpStatusCode.OK, (await alice.ToggleAsync("day", Day)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.ToggleAsync("paper", Paper)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bob.ToggleAsync("section", $"{TestDigests.LatestDate}/biorxiv")).StatusCode);

        Assert.Equal(["day:" + Day, "paper:" + Paper], (await alice.ListAsync()).Order());
        Assert.Equal(["section:" + TestDigests.LatestDate + "/biorxiv"], await bob.ListAsync());
        Assert.DoesNotContain(Paper, await bob.Client.GetStringAsync("/bookmarks.json"));
        Assert.Equal("", await bob.Client.GetStringAsync("/bookmarks.bib"));

        // Bob removing or toggling Alice's targets only touches Bob.
        Assert.Equal(HttpStatusCode.OK, (await bob.RemoveAsync("paper", Paper)).StatusCode);
        Assert.Contains("paper:" + Paper, await alice.ListAsync());

        // An edited cookie is another (empty) reader, and a malformed one is no reader at all.
        var alicesCookie = alice.CookieValue!;
        var forger = NewReader();
        forger.SetReaderCookie(alicesCookie[..^1] + (alicesCookie[^1] == '0' ? '1' : '0'));
        Assert.Empty(await forger.ListAsync());
        var garbage = NewReader();
        garbage.SetReaderCookie("../../" + alicesCookie.ToUpperInvariant());
        Assert.Empty(await garbage.ListAsync());

        // Stars on the day page: Alice's pressed for her only.
        var alicePage = await alice.PageAsync("/day/" + Day);
        var bobPage = await bob.PageAsync("/day/" + Day);
        Assert.Equal("true", alicePage.QuerySelector($"#star-paper-{Paper.Replace('.', '_')} button")!.GetAttribute("aria-pressed"));
        Assert.Equal("false", bobPage.QuerySelector($"#star-paper-{Paper.Replace('.', '_')} button")!.GetAttribute("aria-pressed"));
        Assert.Equal("true", alicePage.QuerySelector($"#star-day-{Day} button")!.GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task A_shared_cached_page_never_shows_a_readers_stars_or_tokens()
    {
        var alice = NewReader();
        await alice.ToggleAsync("day", Day);
        Assert.Contains("aria-pressed=\"true\"", await alice.Client.GetStringAsync("/day/" + Day));

        for (var i = 0; i < 2; i++)
        {
            using var response = await site.Client.GetAsync("/day/" + Day);
            var html = await response.Content.ReadAsStringAsync();
            Assert.NotNull(response.Headers.ETag);
            Assert.DoesNotContain("aria-pressed=\"true\"", html);
            Assert.DoesNotContain("__RequestVerificationToken", html);
        }

        using var personal = await alice.Client.GetAsync("/day/" + Day);
        Assert.Null(personal.Headers.ETag);
        Assert.Contains("no-store", personal.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Without_a_token_a_write_is_400_and_changes_nothing()
    {
        var reader = NewReader();
        await reader.ToggleAsync("paper", Paper);
        var before = await reader.ListAsync();

        using var toggle = await reader.ToggleAsync("day", Day, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, toggle.StatusCode);
        using var plain = await reader.ToggleAsync("day", Day, withToken: false, json: false);
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("确认", await plain.Content.ReadAsStringAsync());
        using var remove = await reader.RemoveAsync("paper", Paper, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, remove.StatusCode);
        using var import = await reader.PostAsync("/bookmarks/import", [new("text", """{"version":1,"bookmarks":[{"kind":"day","target":"2025-10-22"}]}""")], withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);

        var stranger = NewReader();
        using var first = await stranger.ToggleAsync("day", Day, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Null(stranger.CookieValue);

        Assert.Equal(before, await reader.ListAsync());
    }

    [Fact]
    public async Task An_unknown_target_is_404_and_stores_nothing()
    {
        var reader = NewReader();
        foreach (var (kind, target) in new[] { ("paper", "2501.00001"), ("day", "2001-01-01"), ("section", $"{Day}/medrxiv"), ("paper", "10.1101/nope") })
        {
            using var response = await reader.ToggleAsync(kind, target);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var malformed = await reader.ToggleAsync("paper", "<script>");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Null(reader.CookieValue);
        Assert.Empty(await reader.ListAsync());
    }

    [Fact]
    public async Task At_ten_thousand_bookmarks_a_reader_gets_409_and_a_clear_message()
    {
        var id = ReaderId.Create();
        using (var connection = new SqliteConnection($"Data Source={site.DatabasePath}"))
        {
            connection.Open();
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO bookmark (reader, kind, target, created_at) VALUES ($r, 'paper', $t, '2025-01-01T00:00:00.0000000Z')";
            var target = insert.Parameters.Add("$t", SqliteType.Text);
            insert.Parameters.AddWithValue("$r", id.Hash.Value);
            for (var i = 0; i < 10_000; i++)
            {
                target.Value = $"h-{i:x16}";
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        var reader = NewReader();
        reader.SetReaderCookie(id.CookieValue);
        using var json = await reader.ToggleAsync("paper", Paper);
        Assert.Equal(HttpStatusCode.Conflict, json.StatusCode);
        using var body = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Contains("10,000", body.RootElement.GetProperty("error").GetString());
        using var page = await reader.ToggleAsync("paper", Paper, json: false);
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("最多收藏 10,000 项", await page.Content.ReadAsStringAsync());

        using var count = JsonDocument.Parse(await reader.Client.GetStringAsync("/api/bookmarks"));
        Assert.Equal(10_000, count.RootElement.GetProperty("count").GetInt32());

        // Removing one makes room again.
        Assert.Equal(HttpStatusCode.OK, (await reader.RemoveAsync("paper", "h-0000000000000000")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.ToggleAsync("paper", Paper)).StatusCode);
    }

    [Fact]
    public async Task A_plain_form_post_redirects_back_to_the_entry_and_sets_a_safe_cookie()
    {
        var reader = NewReader();
        using var response = await reader.ToggleAsync("paper", Paper, json: false, returnUrl: $"/day/{Day}#star-paper-2510_18876");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/day/{Day}#star-paper-2510_18876", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ReaderId.CookieName, StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);

        using var offsite = await reader.ToggleAsync("paper", Paper, json: false, returnUrl: "https://evil.example/");
        Assert.Equal("/bookmarks", offsite.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Export_and_import_round_trip_as_json_and_papers_export_as_bibtex()
    {
        var alice = NewReader();
        await alice.ToggleAsync("day", Day);
        await alice.ToggleAsync("section", $"{TestDigests.LatestDate}/biorxiv");
        await alice.ToggleAsync("paper", Paper);
        await alice.ToggleAsync("paper", TestDigests.DoiKey);

        var bib = await alice.Client.GetStringAsync("/bookmarks.bib");
        Assert.Contains("@misc{", bib);
        Assert.Contains("eprint = {2510.18876}", bib);
        Assert.Contains("archivePrefix = {arXiv}", bib);
        Assert.Contains("url = {https://arxiv.org/abs/2510.18876}", bib);
        Assert.Contains($"doi = {{{TestDigests.DoiKey}}}", bib);

        using var exported = await alice.Client.GetAsync("/bookmarks.json");
        Assert.Contains("attachment", exported.Content.Headers.ContentDisposition!.ToString());
        var json = await exported.Content.ReadAsStringAsync();

        var bob = NewReader();
        await bob.ToggleAsync("paper", Paper);
        using var import = await bob.PostAsync("/bookmarks/import", [new("text", json)], json: false);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var html = await import.Content.ReadAsStringAsync();
        Assert.Contains("新增 <strong class=\"import-added\">3</strong> 项，已有 1 项", html);
        Assert.Equal((await alice.ListAsync()).Order(), (await bob.ListAsync()).Order());

        using var upload = new MultipartFormDataContent
        {
            { new StringContent(await bob.TokenAsync()), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json)), "upload", "b.json" },
        };
        var carol = NewReader();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/bookmarks/import") { Content = upload };
        request.Headers.Add("X-CSRF-TOKEN", await carol.TokenAsync());
        using var uploaded = await carol.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(4, (await carol.ListAsync()).Count);

        using var bad = await carol.PostAsync("/bookmarks/import", [new("text", "{\"version\":2}")], json: false);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(4, (await carol.ListAsync()).Count);
    }

    [Fact]
    public async Task A_transfer_code_copies_bookmarks_once()
    {
        var alice = NewReader();
        await alice.ToggleAsync("paper", Paper);
        await alice.ToggleAsync("day", Day);
        using var created = await alice.PostAsync("/bookmarks/transfer", [], json: false);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await created.Content.ReadAsStringAsync());
        var code = page.QuerySelector(".transfer-code")!.TextContent;
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
        Assert.Contains($"/bookmarks/transfer/{code}", page.QuerySelector(".transfer-link a")!.GetAttribute("href"));

        var bob = NewReader();
        var confirm = await bob.PageAsync($"/bookmarks/transfer/{code}");
        Assert.NotNull(confirm.QuerySelector($"form[action='/bookmarks/transfer/{code}']"));
        Assert.Empty(await bob.ListAsync());

        using var redeemed = await bob.PostAsync($"/bookmarks/transfer/{code}", [], json: false);
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        Assert.Equal((await alice.ListAsync()).Order(), (await bob.ListAsync()).Order());

        var carol = NewReader();
        using var again = await carol.PostAsync($"/bookmarks/transfer/{code}", [], json: false);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Empty(await carol.ListAsync());

        // Separate readers afterwards: Bob's change does not reach Alice.
        await bob.ToggleAsync("paper", Paper);
        Assert.Contains("paper:" + Paper, await alice.ListAsync());
    }

    [Fact]
    public async Task The_bookmarks_page_lists_days_with_counts_and_papers_with_authors_and_pdf()
    {
        var reader = NewReader();
        await reader.ToggleAsync("day", Day);
        await reader.ToggleAsync("paper", Paper);
        await reader.ToggleAsync("paper", TestDigests.DoiKey);
        var page = await reader.PageAsync("/bookmarks");
        var day = page.QuerySelector(".bookmark-day")!;
        Assert.Contains("共 10 篇", day.TextContent);
        Assert.Equal($"/day/{Day}", day.QuerySelector("a.bookmark-title")!.GetAttribute("href"));
        var papers = page.QuerySelectorAll(".bookmark-paper");
        Assert.Equal(2, papers.Length);
        Assert.Contains(TestDigests.DoiKey, papers[0].GetAttribute("data-target"));
        Assert.Contains("Li Wei", papers[0].TextContent);
        Assert.NotNull(papers[1].QuerySelector("a.pdf[href^='http://arxiv.org/pdf/']"));
        Assert.NotNull(page.QuerySelector("form[action='/bookmarks/remove'] input[name='__RequestVerificationToken']"));
    }

    private Reader NewReader()
    {
        var reader = new Reader(site.BaseAddress);
        _readers.Add(reader);
        return reader;
    }
}

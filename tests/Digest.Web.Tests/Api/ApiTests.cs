using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Api;

[Collection(SiteCollection.Name)]
public sealed class ApiTests(DigestSite site)
{
    [Fact]
    public async Task Day_twin_has_the_generators_shape_with_our_fields_beside_it()
    {
        var day = await site.GetJsonAsync("/api/day/2025-10-22/arxiv");

        Assert.Equal("2025-10-22", day.GetProperty("date").GetString());
        Assert.Equal(10, day.GetProperty("count").GetInt32());
        Assert.Equal(10, day.GetProperty("sources").GetProperty("arxiv").GetInt32());
        var papers = day.GetProperty("papers").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 10), papers.Select(e => e.GetProperty("rank").GetInt32()));
        var first = papers[0];
        Assert.Equal("2510.18876", first.GetProperty("id").GetString());
        Assert.Equal("2510.18876", first.GetProperty("key").GetString());
        Assert.Equal("http://arxiv.org/pdf/2510.18876v1", first.GetProperty("pdf_url").GetString());
        Assert.Equal("Haochen Wang", first.GetProperty("authors")[0].GetString());
        Assert.Contains("Grasp Any Region", first.GetProperty("title_note").GetString());
        Assert.Equal(JsonValueKindArray, first.GetProperty("flags").ValueKind);
        Assert.Equal(["2025-10-22", "2025-10-23"], first.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task Days_are_paged_with_counts_per_source()
    {
        var firstPage = await site.GetJsonAsync("/api/days?page=1&page_size=1");
        var secondPage = await site.GetJsonAsync("/api/days?page=2&page_size=1");

        Assert.Equal(4, firstPage.GetProperty("total").GetInt32());
        var latest = Assert.Single(firstPage.GetProperty("days").EnumerateArray());
        Assert.Equal(TestDigests.LatestDate, latest.GetProperty("date").GetString());
        Assert.Equal(3, latest.GetProperty("count").GetInt32());
        var counts = latest.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("source").GetString()!, s => s.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["arxiv"] = 2, ["biorxiv"] = 1 }, counts);
        Assert.Equal(TestDigests.SeedDate, Assert.Single(secondPage.GetProperty("days").EnumerateArray()).GetProperty("date").GetString());
        await site.GetJsonAsync("/api/days?page=0", 400);
        await site.GetJsonAsync("/api/days?page_size=100000", 400);
    }

    [Fact]
    public async Task Paper_twin_lists_its_days_and_neighbours()
    {
        var body = await site.GetJsonAsync("/api/paper/2510.18876?from=2025-10-22/arxiv");

        var paper = body.GetProperty("paper");
        Assert.Equal(["2025-10-23", "2025-10-22"], paper.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(2, paper.GetProperty("version").GetInt32());
        Assert.Equal("2510.18874", body.GetProperty("neighbours").GetProperty("next").GetProperty("key").GetString());

        var doi = await site.GetJsonAsync("/api/paper/" + TestDigests.DoiKey);
        Assert.Equal(TestDigests.DoiKey, doi.GetProperty("paper").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Days_latest_and_author_twins()
    {
        var days = await site.GetJsonAsync("/api/days");
        Assert.Equal(4, days.GetProperty("days").GetArrayLength());

        var latest = await site.GetJsonAsync("/api/latest");
        Assert.Equal(TestDigests.LatestDate, latest.GetProperty("latest").GetProperty("date").GetString());
        Assert.Equal(4, latest.GetProperty("recent").GetArrayLength());

        var author = await site.GetJsonAsync("/api/author/Haochen%20Wang");
        Assert.Equal(2, author.GetProperty("papers").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/day/2025-1-1", 400)]
    [InlineData("/api/day/2024-01-01", 404)]
    [InlineData("/api/paper/0000.00000", 404)]
    [InlineData("/api/author/Nobody", 404)]
    [InlineData("/api/nothing-here", 404)]
    [InlineData("/api/day/2025-10-22/nowhere", 404)]
    [InlineData("/api/days?page=-1", 400)]
    public async Task Errors_are_problem_details(string url, int status)
    {
        using var response = await site.Client.GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindArray = System.Text.Json.JsonValueKind.Array;
}

using System.Net;
using System.Net.Http.Headers;
using Digest.Web.Tests.Support;

namespace Digest.Web.Tests.Api;

[Collection(SiteCollection.Name)]
public sealed class CachingAndHeadersTests(DigestSite site)
{
    [Theory]
    [InlineData("/day/2025-10-22")]
    [InlineData("/paper/2510.18876")]
    [InlineData("/api/day/2025-10-22")]
    public async Task Pages_carry_an_etag_and_answer_a_matching_if_none_match_with_304(string url)
    {
        using var first = await site.Client.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag!.Tag));
        using var second = await site.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Every_response_has_the_security_headers_and_a_csp_without_inline_script()
    {
        foreach (var url in new[] { "/", "/day/2025-10-22", "/paper/nope", "/api/days", "/css/site.css" })
        {
            using var response = await site.Client.GetAsync(url);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task An_error_page_carries_no_etag()
    {
        using var response = await site.Client.GetAsync("/day/2030-01-01");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.ETag);
    }
}
